namespace Suanbei.Core.Filings;

/// <summary>
/// Rules of the filing workflow that the reference leaves to us; kept here so a change is one edit.
/// </summary>
public static class FilingRules
{
    /// <summary>Logs must be kept at least six months (reference §3, content management; 标识办法 Art. 6 likewise).</summary>
    public const int MinLogRetentionMonths = 6;

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
