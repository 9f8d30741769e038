using System.Globalization;
using System.Text;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// Writes an iCalendar (RFC 5545) feed of running clocks: CRLF line endings, content lines folded at 75 octets without
/// splitting a UTF-8 sequence, TEXT values escaped, one all-day VEVENT (DTSTART;VALUE=DATE) per due date.
/// </summary>
public static class IcsFeed
{
    public const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<RunningClock> clocks, DateTimeOffset stamp, string baseUrl)
    {
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(Fold(s)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Suanbei//Filing deadlines//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-WR-TIMEZONE:Asia/Shanghai");
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var c in clocks)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + c.Uid);
            Line("DTSTAMP:" + dtstamp);
            Line("DTSTART;VALUE=DATE:" + c.DueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            // DTEND is exclusive; a date-only DTSTART alone also means one day (RFC 5545 §3.6.1), for the last representable date.
            if (c.DueDate < DateOnly.MaxValue) Line("DTEND;VALUE=DATE:" + c.DueDate.AddDays(1)
                .ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape($"{(c.Overdue ? "【已逾期】" : "")}{c.Title}截止{(c.Estimated ? "（估算）" : "")}"));
            var description = $"{c.KindName}：{c.EventDate:yyyy-MM-dd} 起 {c.WorkingDays} 个工作日，{c.Article}。"
                + (c.Estimated ? "\n超出官方工作日日历，截止日按周一至周五估算，国务院公布放假安排后请核对。" : "")
                + (c.Note is null ? "" : "\n" + c.Note);
            Line("DESCRIPTION:" + Escape(description));
            Line("URL:" + baseUrl.TrimEnd('/') + c.Link);
            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string s) =>
        s.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Folds one content line: at most 75 octets per physical line, continuation lines start with a space (§3.1).</summary>
    public static string Fold(string line)
    {
        var sb = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                sb.Append("\r\n ");
                octets = 1; // the leading space
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        return sb.ToString();
    }
}
