using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>
/// 工作日: Monday–Friday, minus official holidays, plus adjusted working weekend days (调休). Only the years with an official
/// calendar are covered; any date outside them throws <see cref="CalendarNotCoveredException"/> rather than being counted
/// as if there were no holidays (reference §8).
/// </summary>
public sealed class WorkingCalendar
{
    private static readonly JsonSerializerOptions JsonOptions =
        new() { PropertyNameCaseInsensitive = true, TypeInfoResolver = CoreJsonContext.Default };
    private static readonly Lazy<WorkingCalendar> OfficialCalendar = new(LoadOfficial);

    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _adjustedWorkingDays = [];
    private readonly Dictionary<DateOnly, string> _holidayNames = [];

    /// <summary>The calendar built from the embedded Data/calendar/*.json files.</summary>
    public static WorkingCalendar Official => OfficialCalendar.Value;

    public int FirstYear { get; }
    public int LastYear { get; }
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>Builds a calendar from consecutive years; throws when years are missing or a day is inconsistent.</summary>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        Years = years.OrderBy(y => y.Year).ToList();
        if (Years.Count == 0) throw new ArgumentException("日历至少需要一个年度的安排", nameof(years));
        FirstYear = Years[0].Year;
        LastYear = Years[^1].Year;
        for (var i = 1; i < Years.Count; i++)
            if (Years[i].Year != Years[i - 1].Year + 1)
                throw new ArgumentException($"日历年度不连续：{Years[i - 1].Year} 之后是 {Years[i].Year}", nameof(years));
        foreach (var year in Years)
        {
            foreach (var holiday in year.Holidays)
            {
                if (holiday.To < holiday.From) throw new ArgumentException($"{year.Year}年“{holiday.Name}”的结束日期早于开始日期");
                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                {
                    if (d.Year != year.Year) throw new ArgumentException($"{year.Year}年的节假日“{holiday.Name}”含有其他年份的日期 {d:yyyy-MM-dd}");
                    _holidays.Add(d);
                    _holidayNames[d] = holiday.Name;
                }
            }
            foreach (var d in year.AdjustedWorkingDays)
            {
                if (d.Year != year.Year) throw new ArgumentException($"{year.Year}年的调休上班日 {d:yyyy-MM-dd} 属于其他年份");
                if (!IsWeekend(d)) throw new ArgumentException($"调休上班日 {d:yyyy-MM-dd} 不是周末");
                if (_holidays.Contains(d)) throw new ArgumentException($"{d:yyyy-MM-dd} 同时被列为节假日和调休上班日");
                _adjustedWorkingDays.Add(d);
            }
        }
    }

    /// <summary>Parses one Data/calendar/YYYY.json document.</summary>
    public static CalendarYear ParseYear(string json)
    {
        var dto = JsonSerializer.Deserialize(json, CoreJsonContext.TypeInfo<YearDto>(JsonOptions)) ?? throw new FormatException("日历数据为空");
        if (dto.Year is < 1949 or > 2200) throw new FormatException($"日历年度 {dto.Year} 不合理");
        if (string.IsNullOrWhiteSpace(dto.Source)) throw new FormatException($"{dto.Year}年日历数据缺少来源（source）");
        return new CalendarYear(dto.Year, dto.Source,
            (dto.Holidays ?? []).Select(h => new CalendarYear.Holiday(h.Name ?? "", h.From, h.To)).ToList(),
            dto.AdjustedWorkingDays ?? []);
    }

    public bool Covers(DateOnly date) => date.Year >= FirstYear && date.Year <= LastYear;

    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        if (_adjustedWorkingDays.Contains(date)) return true;
        if (_holidays.Contains(date)) return false;
        return !IsWeekend(date);
    }

    /// <summary>Name of the official holiday on that date (e.g. 春节), or null.</summary>
    public string? HolidayName(DateOnly date)
    {
        EnsureCovered(date);
        return _holidayNames.GetValueOrDefault(date);
    }

    public bool IsAdjustedWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return _adjustedWorkingDays.Contains(date);
    }

    /// <summary>
    /// The <paramref name="n"/>th working day after <paramref name="start"/> (the start day itself is not counted, as in
    /// 期间开始的当日不计入); n = 0 returns <paramref name="start"/>. Throws when any date involved is not covered.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        EnsureCovered(start);
        var date = start;
        while (n > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) n--;
        }
        return date;
    }

    /// <summary>
    /// Like <see cref="AddWorkingDays"/>, but total: days outside the covered years are estimated (weekends and the
    /// statutory holidays of <see cref="StatutoryHolidays"/> are not working days) instead of throwing, and the result
    /// says so (<see cref="WorkingDayDate.Estimated"/>). A count that would run past <see cref="DateOnly.MaxValue"/> stops
    /// there, so stored dates of any value can be shown. Every due date shown to people goes through this
    /// (via <see cref="DeadlineRules.DueDateOrEstimate"/>).
    /// </summary>
    public WorkingDayDate AddWorkingDaysOrEstimate(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var estimated = !Covers(start);
        var date = start;
        while (n > 0)
        {
            if (date == DateOnly.MaxValue) return new WorkingDayDate(date, true);
            date = date.AddDays(1);
            if (!Covers(date)) estimated = true;
            if (IsWorkingDayOrEstimate(date)) n--;
        }
        return new WorkingDayDate(date, estimated);
    }

    /// <summary>
    /// Whether a date is a working day: the official calendar where it covers the date, else an estimate (Monday–Friday
    /// minus the statutory holidays). Never throws.
    /// </summary>
    public bool IsWorkingDayOrEstimate(DateOnly date) =>
        Covers(date) ? IsWorkingDay(date) : !IsWeekend(date) && StatutoryHolidays.Current.HolidayName(date) is null;

    /// <summary>
    /// Number of working days in (startExclusive, endInclusive]; negative when end is before start, so that
    /// WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a) and WorkingDaysBetween(s, AddWorkingDays(s, n)) == n.
    /// </summary>
    public int WorkingDaysBetween(DateOnly startExclusive, DateOnly endInclusive)
    {
        EnsureCovered(startExclusive);
        EnsureCovered(endInclusive);
        if (endInclusive < startExclusive) return -WorkingDaysBetween(endInclusive, startExclusive);
        var count = 0;
        for (var d = startExclusive.AddDays(1); d <= endInclusive; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    private void EnsureCovered(DateOnly date)
    {
        if (!Covers(date)) throw new CalendarNotCoveredException(date, FirstYear, LastYear);
    }

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static WorkingCalendar LoadOfficial() => new(
        EmbeddedData.List("calendar").Where(p => p.EndsWith(".json", StringComparison.Ordinal))
            .Select(p => ParseYear(EmbeddedData.ReadText(p))));

    internal sealed class YearDto
    {
        public int Year { get; set; }
        public string? Source { get; set; }
        public List<HolidayDto>? Holidays { get; set; }
        public List<DateOnly>? AdjustedWorkingDays { get; set; }
    }

    internal sealed class HolidayDto
    {
        public string? Name { get; set; }
        public DateOnly From { get; set; }
        public DateOnly To { get; set; }
    }
}
