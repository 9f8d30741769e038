using Suanbei.Core.Calendar;

namespace Suanbei.Core.Filings;

/// <summary>Filing dates are Beijing dates: a submission at 23:30 UTC counts on the next day in China.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}

/// <summary>
/// The regulator's clock (Art. 25): working days used of the 30-working-day limit, counted on the official calendar
/// from the day complete materials were submitted (that day not counted) to today or the decision.
/// When the calendar does not cover a date, nothing is counted and <see cref="CalendarNote"/> says 无官方日历.
/// </summary>
public sealed record ReviewClock(
    DateOnly? StartedOn, DateOnly End, int LimitWorkingDays, int? WorkingDaysUsed, DateOnly? DueOn, bool IsOverdue, string? CalendarNote)
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
        DateOnly? due;
        try { due = calendar.AddWorkingDays(start, limit); }
        catch (CalendarNotCoveredException) { due = null; }
        if (end < start) end = start;
        if (!calendar.Covers(start) || !calendar.Covers(end))
            return new ReviewClock(start, end, limit, null, due, false, NoOfficialCalendar);
        var used = calendar.WorkingDaysBetween(start, end);
        return new ReviewClock(start, end, limit, used, due, used > limit, null);
    }
}

/// <summary>A filer's legal deadline (Art. 24) for a change or cancellation, from the event date the filer entered.</summary>
public sealed record Deadline(DeadlineKind Kind, DateOnly EventDate, int WorkingDays, DateOnly? DueOn, string Article, string? CalendarNote)
{
    /// <summary>e.g. "应于 2026-12-07 前办理（事件发生后 10 个工作日，…）" or the 无官方日历 note.</summary>
    public string Display => DueOn is { } d
        ? $"应于 {d:yyyy-MM-dd} 前办理（{EventDate:yyyy-MM-dd} 起 {WorkingDays} 个工作日，{Article}）"
        : $"{EventDate:yyyy-MM-dd} 起 {WorkingDays} 个工作日（{Article}）：{CalendarNote}";

    public bool IsOverdue(DateOnly today) => DueOn is { } d && today > d;

    public static Deadline Compute(DeadlineKind kind, DateOnly eventDate, WorkingCalendar calendar)
    {
        var rule = DeadlineRules.Get(kind);
        try
        {
            return new Deadline(kind, eventDate, rule.WorkingDays, DeadlineRules.DueDate(kind, eventDate, calendar), rule.Article, null);
        }
        catch (CalendarNotCoveredException)
        {
            return new Deadline(kind, eventDate, rule.WorkingDays, null, rule.Article, ReviewClock.NoOfficialCalendar);
        }
    }
}
