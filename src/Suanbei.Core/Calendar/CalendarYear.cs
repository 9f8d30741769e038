using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>One year's official arrangement (国务院办公厅关于部分节假日安排的通知), as stored in Data/calendar/YYYY.json.</summary>
public sealed record CalendarYear(
    int Year,
    string Source,
    IReadOnlyList<CalendarYear.Holiday> Holidays,
    IReadOnlyList<DateOnly> AdjustedWorkingDays)
{
    public sealed record Holiday(string Name, DateOnly From, DateOnly To);
}
