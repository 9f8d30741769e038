using Suanbei.Core.Calendar;

namespace Suanbei.Core.Filings;

/// <summary>Filing dates are Beijing dates: a submission at 23:30 UTC counts on the next day in China.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>
    /// The one format for instants shown to people: "2026-12-05 15:39 北京时间" (stored values are UTC; the server's
    /// own zone never matters). Null gives "—".
    /// </summary>
    public static string Display(DateTimeOffset? instant) =>
        instant is { } i ? i.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " 北京时间"
            : "—";
}

/// <summary>
/// The regulator's clock (Art. 25): working days used of the 30-working-day limit, counted on the official calendar
/// from the day complete materials were submitted (that day not counted) to today or the decision.
/// When the calendar does not cover a date, nothing is counted and <see cref="CalendarNote"/> says 无官方日历.
/// </summary>
public sealed record ReviewClock(
    DateOnly? StartedOn, DateOnly End, int LimitWorkingDays, int? WorkingDaysUsed, DateOnly? DueOn, bool IsOverdue, string? CalendarNote,
    bool DueEstimated = false)
{
    public const string NoOfficialCalendar = "无官方日历";

    public bool Started => StartedOn is not null;

    /// <summary>e.g. "已用 7 / 30 个工作日", "无官方日历", or "未开始计时".</summary>
    public string Display =>
        StartedOn is null ? "未开始计时"
        : WorkingDaysUsed is { } used ? $"已用 {used} / {LimitWorkingDays} 个工作日" + (IsOverdue ? "（已超期）" : "")
        : CalendarNote ?? NoOfficialCalendar;

    public static ReviewClock Compute(DateOnly? startedOn, DateOnly end, WorkingCalendar calendar)
    {
        var limit = DeadlineRules.Get(DeadlineKind.RegulatorDecision).WorkingDays;
        if (startedOn is not { } start) return new ReviewClock(null, end, limit, null, null, false, null);
        var due = DeadlineRules.DueDateOrEstimate(DeadlineKind.RegulatorDecision, start, calendar);
        if (end < start) end = start;
        if (!calendar.Covers(start) || !calendar.Covers(end))
            return new ReviewClock(start, end, limit, null, due.Date, end > due.Date, NoOfficialCalendar, due.Estimated);
        var used = calendar.WorkingDaysBetween(start, end);
        return new ReviewClock(start, end, limit, used, due.Date, used > limit, null, due.Estimated);
    }
}

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
