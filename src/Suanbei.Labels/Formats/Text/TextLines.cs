using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Text;

/// <summary>A label line found in a text file: its byte range (line terminator included) and value.</summary>
internal sealed record LabelLine(long Start, long End, string Value, string Placement);

/// <summary>Bounded line access for text carriers: the first line and the last line, never the whole file.</summary>
internal static class TextLines
{
    public const int MaxLine = 64 * 1024;
    public const string Prefix = AigcKey.Name + ":";

    /// <summary>The first line (without terminator) and the offset just past its terminator; null line when it is longer than the
    /// bound.</summary>
    public static (string? Line, long Next, int BomLength) First(Stream s)
    {
        s.Position = 0;
        var buffer = new byte[(int)Math.Min(s.Length, MaxLine + 3)];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bom = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var nl = Array.IndexOf(buffer, (byte)'\n', bom, n - bom);
        if (nl < 0) return n == s.Length ? (Encoding.UTF8.GetString(buffer, bom, n - bom).TrimEnd('\r'), n, bom) : (null, 0, bom);
        return (Encoding.UTF8.GetString(buffer, bom, nl - bom).TrimEnd('\r'), nl + 1, bom);
    }

    /// <summary>The last non-empty line and where it starts (at its first byte) and ends (file end).</summary>
    public static (string? Line, long Start) Last(Stream s)
    {
        var take = (int)Math.Min(s.Length, MaxLine);
        s.Position = s.Length - take;
        var buffer = new byte[take];
        var n = s.ReadAtLeast(buffer, take, throwOnEndOfStream: false);
        var end = n;
        while (end > 0 && buffer[end - 1] is (byte)'\n' or (byte)'\r') end--;
        if (end == 0) return (null, s.Length);
        var nl = Array.LastIndexOf(buffer, (byte)'\n', end - 1);
        if (nl < 0 && take < s.Length) return (null, s.Length);
        var start = nl + 1;
        return (Encoding.UTF8.GetString(buffer, start, end - start).TrimStart('\uFEFF'), s.Length - take + start);
    }

    /// <summary>The value of a <c>KEY: value</c> line whose key (one word, no spaces) the <see cref="AigcKey"/> rule
    /// accepts; null for any other line, so prose that mentions AIGC before a colon is not a label.</summary>
    public static string? LabelValue(string? line)
    {
        var colon = line?.IndexOf(':') ?? -1;
        if (colon <= 0) return null;
        var key = line![..colon];
        return key.Any(char.IsWhiteSpace) || !AigcKey.Matches(key) ? null : line[(colon + 1)..].Trim();
    }

    /// <summary>Copies <paramref name="s"/> to <paramref name="output"/> leaving out the byte ranges.</summary>
    public static void CopyExcept(Stream s, Stream output, IEnumerable<(long Start, long End)> skip)
    {
        long at = 0;
        foreach (var (start, end) in skip.OrderBy(r => r.Start))
        {
            s.Position = at;
            RangeCopy.CopyExactly(s, output, start - at);
            at = end;
        }
        s.Position = at;
        RangeCopy.CopyToEnd(s, at, output);
    }
}
