using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision), from Data/statutory-holidays.json: fixed dates
/// (元旦, 劳动节, 国庆节) for every year, and the lunar-derived ones (春节 from 除夕, 清明, 端午, 中秋) for the years the data
/// table lists. Used to estimate working days in years that have no official arrangement yet.
/// </summary>
public sealed class StatutoryHolidays
{
    private static readonly Lazy<StatutoryHolidays> Loaded = new(Load);
    private readonly List<(string Name, int Month, int Day, int Days)> _fixed;
    private readonly Dictionary<DateOnly, string> _lunar;

    public static StatutoryHolidays Current => Loaded.Value;

    public string Source { get; }
    /// <summary>First and last year whose lunar-derived holidays are known (outside them only fixed-date holidays count).</summary>
    public int FirstLunarYear { get; }
    public int LastLunarYear { get; }

    private StatutoryHolidays(string source, List<(string, int, int, int)> fixedDates, Dictionary<DateOnly, string> lunar, int first,
        int last)
    {
        Source = source;
        _fixed = fixedDates;
        _lunar = lunar;
        FirstLunarYear = first;
        LastLunarYear = last;
    }

    /// <summary>Name of the statutory holiday on that date, or null. Total: any DateOnly is accepted.</summary>
    public string? HolidayName(DateOnly date)
    {
        foreach (var (name, month, day, days) in _fixed)
        {
            if (date.Month != month) continue;
            if (date.Day >= day && date.Day < day + days) return name;
        }
        return _lunar.GetValueOrDefault(date);
    }

    private static StatutoryHolidays Load()
    {
        using var doc = JsonDocument.Parse(EmbeddedData.ReadText("statutory-holidays.json"));
        var root = doc.RootElement;
        var fixedDates = root.GetProperty("fixed").EnumerateArray()
            .Select(e =>
                (e.GetProperty("name").GetString()!, e.GetProperty("month").GetInt32(), e.GetProperty("day").GetInt32(),
                e.GetProperty("days").GetInt32()))
            .ToList();
        var lunar = new Dictionary<DateOnly, string>();
        int first = int.MaxValue, last = int.MinValue;
        foreach (var y in root.GetProperty("lunar").EnumerateArray())
        {
            var year = y.GetProperty("year").GetInt32();
            first = Math.Min(first, year);
            last = Math.Max(last, year);
            DateOnly D(string p) => DateOnly.Parse(y.GetProperty(p).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var chuxi = D("chuxi");
            for (var i = 0; i < 4; i++) lunar[chuxi.AddDays(i)] = "春节";
            lunar[D("qingming")] = "清明节";
            lunar[D("duanwu")] = "端午节";
            lunar[D("zhongqiu")] = "中秋节";
        }
        return new StatutoryHolidays(root.GetProperty("source").GetString()!, fixedDates, lunar, first, last);
    }
}
