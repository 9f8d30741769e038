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
