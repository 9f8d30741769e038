using Suanbei.Core.Checks;

namespace Suanbei.Core.Filings;

/// <summary>
/// Rules of the filing workflow that the reference leaves to us; kept here so a change is one edit.
/// </summary>
public static class FilingRules
{
    /// <summary>Months logs must be kept at least: the threshold of the pre-submission rule data, which cites its article.</summary>
    public static int MinLogRetentionMonths => (int)PresubmissionRules.Current.Threshold("minLogRetentionMonths");

    /// <summary>
    /// Working days an entry stays in 公示 before it becomes 已备案. The reference says only "after the publicity period";
    /// ten working days is our assumption, in one place.
    /// </summary>
    public const int PublicityWorkingDays = 10;

    /// <summary>
    /// Upper bounds that keep free text sane (the CAC form limits 功能介绍 to 500 characters; we allow more for long fields).
    /// </summary>
    public const int ShortTextMax = 100;
    public const int MainPurposeMax = 500;
    public const int LongTextMax = 20_000;
}
