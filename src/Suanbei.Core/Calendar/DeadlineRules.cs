using System.Text.Json;

namespace Suanbei.Core.Calendar;

public static class DeadlineRules
{
    private static readonly Lazy<IReadOnlyDictionary<DeadlineKind, DeadlineRule>> Rules = new(Load);

    public static IReadOnlyCollection<DeadlineRule> All => Rules.Value.Values.ToList();

    public static DeadlineRule Get(DeadlineKind kind) => Rules.Value[kind];

    /// <summary>
    /// Last day to act: the rule's number of working days after <paramref name="eventDate"/> (the event day not counted).
    /// Throws <see cref="CalendarNotCoveredException"/> when the count runs outside the calendar's years.
    /// </summary>
    public static DateOnly DueDate(DeadlineKind kind, DateOnly eventDate, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(eventDate, Get(kind).WorkingDays);

    /// <summary>The due date, or an estimate flagged as such when the count runs past the official calendars.</summary>
    public static WorkingDayDate DueDateOrEstimate(DeadlineKind kind, DateOnly eventDate, WorkingCalendar calendar) =>
        calendar.AddWorkingDaysOrEstimate(eventDate, Get(kind).WorkingDays);

    private static IReadOnlyDictionary<DeadlineKind, DeadlineRule> Load()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText("deadlines.json"));
        var rules = new Dictionary<DeadlineKind, DeadlineRule>();
        foreach (var e in doc.RootElement.GetProperty("deadlines").EnumerateArray())
        {
            var kind = Enum.Parse<DeadlineKind>(e.GetProperty("kind").GetString()!);
            rules.Add(kind, new DeadlineRule(kind, e.GetProperty("workingDays").GetInt32(),
                e.GetProperty("chineseName").GetString()!, e.GetProperty("article").GetString()!));
        }
        foreach (var kind in Enum.GetValues<DeadlineKind>())
            if (!rules.ContainsKey(kind)) throw new InvalidOperationException($"Data/deadlines.json has no rule for {kind}.");
        return rules;
    }
}
