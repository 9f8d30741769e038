using Suanbei.Core.Calendar;

namespace Suanbei.Core.Tests;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.Official;
    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void Covers_2024_to_2026()
    {
        Assert.Equal(2024, Cal.FirstYear);
        Assert.Equal(2026, Cal.LastYear);
        Assert.All(Cal.Years, y => Assert.StartsWith($"国务院办公厅关于{y.Year}年部分节假日安排的通知", y.Source));
    }

    [Fact]
    public void Spring_festival_2026()
    {
        Assert.True(Cal.IsWorkingDay(D("2026-02-14")));  // Saturday, adjusted
        Assert.True(Cal.IsAdjustedWorkingDay(D("2026-02-14")));
        Assert.True(Cal.IsWorkingDay(D("2026-02-28")));  // Saturday, adjusted
        for (var d = D("2026-02-15"); d <= D("2026-02-23"); d = d.AddDays(1))
        {
            Assert.False(Cal.IsWorkingDay(d), d.ToString("O"));
            Assert.Equal("春节", Cal.HolidayName(d));
        }
        Assert.True(Cal.IsWorkingDay(D("2026-02-13")));
        Assert.True(Cal.IsWorkingDay(D("2026-02-24")));
        // Friday 2/13 + 1 working day is the adjusted Saturday 2/14; + 2 jumps the whole festival to 2/24.
        Assert.Equal(D("2026-02-14"), Cal.AddWorkingDays(D("2026-02-13"), 1));
        Assert.Equal(D("2026-02-24"), Cal.AddWorkingDays(D("2026-02-13"), 2));
        Assert.Equal(D("2026-02-28"), Cal.AddWorkingDays(D("2026-02-24"), 4)); // 25, 26, 27, 28(Sat)
    }

    [Fact]
    public void National_day_2025()
    {
        for (var d = D("2025-10-01"); d <= D("2025-10-08"); d = d.AddDays(1))
            Assert.False(Cal.IsWorkingDay(d), d.ToString("O"));
        Assert.True(Cal.IsWorkingDay(D("2025-09-28")));  // Sunday, adjusted
        Assert.True(Cal.IsWorkingDay(D("2025-10-11")));  // Saturday, adjusted
        Assert.False(Cal.IsWorkingDay(D("2025-10-12"))); // ordinary Sunday
        Assert.Equal(D("2025-10-09"), Cal.AddWorkingDays(D("2025-09-30"), 1));
        Assert.Equal(D("2025-10-11"), Cal.AddWorkingDays(D("2025-09-30"), 3)); // 9, 10, 11(Sat)
    }

    [Fact]
    public void Ordinary_weekends_and_weekdays()
    {
        Assert.False(Cal.IsWorkingDay(D("2025-03-08"))); // Saturday
        Assert.False(Cal.IsWorkingDay(D("2025-03-09"))); // Sunday
        Assert.True(Cal.IsWorkingDay(D("2025-03-10")));
        Assert.False(Cal.IsWorkingDay(D("2024-01-01")));
        Assert.False(Cal.IsWorkingDay(D("2026-01-02")));  // 2026 元旦 runs to 1/3
        Assert.True(Cal.IsWorkingDay(D("2026-01-04")));   // Sunday, adjusted
    }

    [Fact]
    public void Add_working_days_across_year_boundaries()
    {
        // 2024-12-27 (Fri): 12/30, 12/31, [1/1 元旦], 1/2, 1/3, 1/6 → 5th is 2025-01-06.
        Assert.Equal(D("2025-01-06"), Cal.AddWorkingDays(D("2024-12-27"), 5));
        // 2025-12-30 (Tue): 12/31, [1/1–1/3 元旦], 1/4 (Sun, adjusted), 1/5 → 3rd is 2026-01-05.
        Assert.Equal(D("2026-01-05"), Cal.AddWorkingDays(D("2025-12-30"), 3));
        // 20 working days from 2024-12-20: Dec 23–27 (5), 30–31 (2), Jan 2–3 (2), 6–10 (5), 13–17 (5), 20 (1) = 20.
        Assert.Equal(D("2025-01-20"), Cal.AddWorkingDays(D("2024-12-20"), 20));
        Assert.Equal(D("2025-03-10"), Cal.AddWorkingDays(D("2025-03-10"), 0));
    }

    [Fact]
    public void Working_days_between_agrees_with_add_working_days()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 400; i++)
        {
            var start = D("2024-01-01").AddDays(random.Next(0, 3 * 365 - 90));
            var n = random.Next(0, 45);
            var end = Cal.AddWorkingDays(start, n);
            Assert.Equal(n, Cal.WorkingDaysBetween(start, end));
            Assert.Equal(-n, Cal.WorkingDaysBetween(end, start));
            Assert.True(n == 0 || Cal.IsWorkingDay(end), $"{start}+{n} = {end} is not a working day");
            if (n > 0) Assert.Equal(n - 1, Cal.WorkingDaysBetween(start, end.AddDays(-1)));
        }
    }

    [Fact]
    public void Working_days_in_a_year_match_the_notices()
    {
        // By hand from §8: weekdays − holidays falling on weekdays + adjusted days.
        // 2024: 262 − 19 + 8 = 251; 2025: 261 − 18 + 5 = 248; 2026: 261 − 19 + 6 = 248.
        Assert.Equal(251, CountYear(2024));
        Assert.Equal(251, Cal.WorkingDaysBetween(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))); // 1/1 is a holiday
        Assert.Equal(248, CountYear(2025));
        Assert.Equal(248, CountYear(2026));
    }

    private static int CountYear(int year)
    {
        var count = 0;
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1)) if (Cal.IsWorkingDay(d)) count++;
        return count;
    }

    [Theory]
    [InlineData("2023-12-31")]
    [InlineData("2027-01-01")]
    public void Dates_outside_the_known_years_throw(string iso)
    {
        var date = D(iso);
        Assert.False(Cal.Covers(date));
        var ex = Assert.Throws<CalendarNotCoveredException>(() => Cal.IsWorkingDay(date));
        Assert.Contains(iso, ex.Message);
        Assert.Contains("2024–2026", ex.Message);
        Assert.Throws<CalendarNotCoveredException>(() => Cal.AddWorkingDays(date, 1));
    }

    [Fact]
    public void Counting_past_the_last_year_throws_instead_of_guessing()
    {
        Assert.Throws<CalendarNotCoveredException>(() => Cal.AddWorkingDays(D("2026-12-28"), 10));
        Assert.Throws<CalendarNotCoveredException>(() => Cal.WorkingDaysBetween(D("2026-12-01"), D("2027-01-05")));
        Assert.Equal(D("2026-12-31"), Cal.AddWorkingDays(D("2026-12-28"), 3));
    }

    [Fact]
    public void Inconsistent_data_is_rejected()
    {
        var weekdayAdjusted = """{"year":2030,"source":"x","holidays":[],"adjustedWorkingDays":["2030-01-02"]}""";
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([WorkingCalendar.ParseYear(weekdayAdjusted)]));
        var noSource = """{"year":2030,"holidays":[],"adjustedWorkingDays":[]}""";
        Assert.Throws<FormatException>(() => WorkingCalendar.ParseYear(noSource));
        var gap = new[] { 2030, 2032 }.Select(y => WorkingCalendar.ParseYear($$"""{"year":{{y}},"source":"x"}"""));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(gap));
    }
}

public class DeadlineRulesTests
{
    [Theory]
    [InlineData(DeadlineKind.StartOfService, 10, "第二十四条")]
    [InlineData(DeadlineKind.Change, 10, "第二十四条")]
    [InlineData(DeadlineKind.Cancellation, 20, "第二十四条")]
    [InlineData(DeadlineKind.SubjectChange, 10, "第二十四条")]
    [InlineData(DeadlineKind.RegulatorDecision, 30, "第二十五条")]
    public void Rules_come_from_the_data_file(DeadlineKind kind, int days, string article)
    {
        var rule = DeadlineRules.Get(kind);
        Assert.Equal(kind, rule.Kind);
        Assert.Equal(days, rule.WorkingDays);
        Assert.StartsWith("《互联网信息服务算法推荐管理规定》", rule.Article);
        Assert.Contains(article, rule.Article);
        Assert.False(string.IsNullOrWhiteSpace(rule.ChineseName));
    }

    [Fact]
    public void Due_dates_on_the_official_calendar()
    {
        // Service starts Tue 2025-09-23: 24, 25, 26, 28 (Sun, adjusted), 29, 30, [10/1–10/8], 10/9, 10/10, 10/11 (Sat, adjusted), 10/13.
        Assert.Equal(new DateOnly(2025, 10, 13),
            DeadlineRules.DueDate(DeadlineKind.StartOfService, new DateOnly(2025, 9, 23), WorkingCalendar.Official));
        Assert.Equal(new DateOnly(2025, 10, 27),
            DeadlineRules.DueDate(DeadlineKind.Cancellation, new DateOnly(2025, 9, 23), WorkingCalendar.Official));
    }
}

public class WorkingDayEstimateTests
{
    [Fact]
    public void Inside_the_calendar_the_estimate_is_the_official_date()
    {
        var r = WorkingCalendar.Official.AddWorkingDaysOrEstimate(new DateOnly(2026, 2, 13), 2);
        Assert.Equal(new WorkingDayDate(new DateOnly(2026, 2, 24), false), r);
    }

    [Fact]
    public void Past_the_calendar_the_date_is_flagged_as_estimated()
    {
        // Mon 2026-12-28: 29, 30, 31 official (3); then 2027 estimated: 1/1 (Fri) is 元旦, 1/4–1/8, 1/11, 1/12 → 10th is 2027-01-12.
        var r = WorkingCalendar.Official.AddWorkingDaysOrEstimate(new DateOnly(2026, 12, 28), 10);
        Assert.Equal(new DateOnly(2027, 1, 12), r.Date);
        Assert.True(r.Estimated);
        Assert.True(DeadlineRules.DueDateOrEstimate(DeadlineKind.StartOfService, new DateOnly(2026, 12, 28),
            WorkingCalendar.Official).Estimated);
    }
}

public class StatutoryHolidayEstimateTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.Official;

    [Theory]
    [InlineData("2027-01-01", "元旦")]
    [InlineData("2027-02-05", "春节")] // 除夕
    [InlineData("2027-02-08", "春节")] // 初三
    [InlineData("2027-04-05", "清明节")]
    [InlineData("2027-05-03", null)]   // 劳动节 has 2 days (5/1, 5/2); 2027-05-03 is a Monday
    [InlineData("2027-06-09", "端午节")]
    [InlineData("2027-09-15", "中秋节")]
    [InlineData("2027-10-03", "国庆节")]
    [InlineData("2027-10-04", null)]
    [InlineData("2040-10-01", "国庆节")] // fixed dates count in every year
    public void Statutory_holidays_of_years_without_an_official_calendar(string date, string? name)
    {
        var d = DateOnly.Parse(date);
        Assert.Equal(name, StatutoryHolidays.Current.HolidayName(d));
        Assert.Equal(name is null && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), Cal.IsWorkingDayOrEstimate(d));
    }

    [Fact]
    public void The_lunar_table_agrees_with_the_chinese_lunisolar_calendar()
    {
        var lunar = new System.Globalization.ChineseLunisolarCalendar();
        DateOnly Gregorian(int year, int month, int day)
        {
            var leap = lunar.GetLeapMonth(year);
            return DateOnly.FromDateTime(lunar.ToDateTime(year, leap > 0 && month >= leap ? month + 1 : month, day, 0, 0, 0, 0));
        }
        var h = StatutoryHolidays.Current;
        Assert.True(h.LastLunarYear >= 2030);
        for (var y = h.FirstLunarYear; y <= h.LastLunarYear; y++)
        {
            Assert.Equal("春节", h.HolidayName(Gregorian(y, 1, 1).AddDays(-1)));
            Assert.Equal("春节", h.HolidayName(Gregorian(y, 1, 3)));
            Assert.Null(h.HolidayName(Gregorian(y, 1, 4)));
            Assert.Equal("端午节", h.HolidayName(Gregorian(y, 5, 5)));
            Assert.NotNull(h.HolidayName(Gregorian(y, 8, 15))); // 中秋 (named 国庆节 when it falls on 10-01..03)
        }
    }

    [Fact]
    public void An_estimate_never_lands_on_a_statutory_holiday()
    {
        for (var start = new DateOnly(2026, 12, 1); start < new DateOnly(2030, 12, 31); start = start.AddDays(1))
            foreach (var n in new[] { 10, 20, 30 })
            {
                var due = Cal.AddWorkingDaysOrEstimate(start, n);
                Assert.True(Cal.IsWorkingDayOrEstimate(due.Date), $"{start} + {n} → {due.Date}");
            }
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-25")]
    [InlineData("0001-01-01")]
    public void The_estimate_is_total_on_any_date(string date)
    {
        var d = DateOnly.Parse(date);
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            var due = DeadlineRules.DueDateOrEstimate(kind, d, Cal);
            Assert.True(due.Estimated);
            Assert.True(due.Date >= d);
        }
    }
}
