using Suanbei.Core.Calendar;

namespace Suanbei.Core.Filings;

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

    /// <summary>e.g. "已用 7 / 30 个工作日", "无官方日历", or "未开始计时".</summary>
    public string Display =>
        StartedOn is null ? "未开始计时"
        : WorkingDaysUsed is { } used ? $"已用 {used} / {LimitWorkingDays} 个工作日" + (IsOverdue ? "（已超期）" : "")
        : CalendarNote ?? NoOfficialCalendar;

    /// <summary>A filing's clock from its two columns: running until <paramref name="now"/>, or stopped by the decision.</summary>
    public static ReviewClock Of(DateOnly? startedOn, DateOnly? decidedOn, DateTimeOffset now, WorkingCalendar calendar) =>
        Compute(startedOn, decidedOn ?? ChinaTime.Date(now), calendar);

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
