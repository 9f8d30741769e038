using Suanbei.Core.Calendar;

namespace Suanbei.Core.Filings;

/// <summary>
/// A filer's legal deadline (Art. 24) for a change or cancellation, from the event date the filer entered. The due date
/// comes from <see cref="DeadlineRules.DueDateOrEstimate"/> like every other due date shown (previews, /Deadlines, .ics,
/// API); past the official calendars it is an estimate and says 估算.
/// </summary>
public sealed record Deadline(DeadlineKind Kind, DateOnly EventDate, int WorkingDays, DateOnly DueOn, bool Estimated, string Article)
{
    public const string EstimateNote = "估算：超出官方节假日安排，按周末和法定节假日推算，请以国务院办公厅公布的安排为准";

    /// <summary>e.g. "应于 2026-12-07 前办理（2026-11-23 起 10 个工作日，…）", with the 估算 note when estimated.</summary>
    public string Display =>
        $"应于 {DueOn:yyyy-MM-dd} 前办理（{EventDate:yyyy-MM-dd} 起 {WorkingDays} 个工作日，{Article}）" + (Estimated ? $"（{EstimateNote}）" : "");

    public bool IsOverdue(DateOnly today) => today > DueOn;

    public static Deadline Compute(DeadlineKind kind, DateOnly eventDate, WorkingCalendar calendar)
    {
        var rule = DeadlineRules.Get(kind);
        var due = DeadlineRules.DueDateOrEstimate(kind, eventDate, calendar);
        return new Deadline(kind, eventDate, rule.WorkingDays, due.Date, due.Estimated, rule.Article);
    }
}
