using System.Globalization;
using System.Text;

namespace Suanbei.Labels.Formats.Pdf;

internal sealed record PdfName(string Value);
internal sealed record PdfString(byte[] Bytes)
{
    /// <summary>Text string: UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding (Latin-1 is close enough for ASCII labels).</summary>
    public string Text =>
        Bytes.Length >= 2 && Bytes[0] == 0xFE && Bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2)
        : Bytes.Length >= 3 && Bytes[0] == 0xEF && Bytes[1] == 0xBB && Bytes[2] == 0xBF
            ? Encoding.UTF8.GetString(Bytes, 3, Bytes.Length - 3)
        : Encoding.Latin1.GetString(Bytes);
}
internal sealed record PdfRef(int Number, int Generation);
internal sealed record PdfNumber(double Value)
{
    public long AsLong => Value is >= long.MinValue and <= long.MaxValue ? (long)Value : -1;
}
internal sealed record PdfKeyword(string Value);
internal sealed record PdfArray(List<object> Items);

/// <summary>A dictionary with the byte span of each value (and where its key starts), so a writer can copy entries it
/// keeps verbatim and blank the ones it supersedes.</summary>
internal sealed class PdfDict
{
    public List<(string Key, object Value, int Start, int End, int KeyStart)> Entries { get; } = [];
    public object? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;
}

/// <summary>Parser of PDF objects from a byte window; depth- and size-bounded, throws <see cref="PdfSyntaxException"/>.</summary>
internal sealed class PdfParser(byte[] data, int position = 0)
{
    private const int MaxDepth = 32;
    public int Position { get; set; } = position;
    public byte[] Data => data;

    public static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;
    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (
        byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public void SkipWhite()
    {
        while (Position < data.Length)
        {
            var b = data[Position];
            if (IsWhite(b)) Position++;
            else if (b == '%') { while (Position < data.Length && data[Position] is not (10 or 13)) Position++; }
            else break;
        }
    }

    public object ReadObject(int depth = 0)
    {
        if (depth > MaxDepth) throw new PdfSyntaxException("嵌套过深");
        SkipWhite();
        if (Position >= data.Length) throw new PdfSyntaxException("意外的结尾");
        var b = data[Position];
        switch (b)
        {
            case (byte)'/': return ReadName();
            case (byte)'(': return ReadLiteralString();
            case (byte)'<' when Position + 1 < data.Length && data[Position + 1] == '<': return ReadDict(depth);
            case (byte)'<': return ReadHexString();
            case (byte)'[':
                Position++;
                var items = new List<object>();
                while (true)
                {
                    SkipWhite();
                    if (Position >= data.Length) throw new PdfSyntaxException("数组未结束");
                    if (data[Position] == ']') { Position++; return new PdfArray(items); }
                    if (items.Count > 100_000) throw new PdfSyntaxException("数组过大");
                    items.Add(ReadObject(depth + 1));
                }
        }
        if (b is (byte)'+' or (byte)'-' or (byte)'.' || (b >= '0' && b <= '9'))
        {
            var n = ReadNumber();
            // "n g R" indirect reference
            var save = Position;
            SkipWhite();
            if (Position < data.Length && data[Position] >= '0' && data[Position] <= '9')
            {
                var g = ReadNumber();
                SkipWhite();
                if (Position < data.Length && data[Position] == 'R'
                    && (Position + 1 >= data.Length || IsWhite(data[Position + 1]) || IsDelimiter(data[Position + 1])))
                {
                    Position++;
                    return new PdfRef((int)Math.Clamp(n.Value, 0, int.MaxValue), (int)Math.Clamp(g.Value, 0, int.MaxValue));
                }
            }
            Position = save;
            return n;
        }
        var start = Position;
        while (Position < data.Length && !IsWhite(data[Position]) && !IsDelimiter(data[Position])) Position++;
        if (Position == start) throw new PdfSyntaxException($"无法解析的字符 0x{b:X2}");
        return new PdfKeyword(Encoding.ASCII.GetString(data, start, Position - start));
    }

    private PdfNumber ReadNumber()
    {
        var start = Position;
        while (Position < data.Length && (data[Position] is (byte)'+' or (byte)'-' or (byte)'.'
            || (data[Position] >= '0' && data[Position] <= '9'))) Position++;
        if (Position - start > 32) throw new PdfSyntaxException("数字过长");
        double.TryParse(Encoding.ASCII.GetString(data, start, Position - start), NumberStyles.Float, CultureInfo.InvariantCulture,
            out var v);
        return new PdfNumber(v);
    }

    private PdfName ReadName()
    {
        Position++;
        var sb = new StringBuilder();
        while (Position < data.Length && !IsWhite(data[Position]) && !IsDelimiter(data[Position]))
        {
            var c = data[Position++];
            if (c == '#' && Position + 1 < data.Length && byte.TryParse(
                Encoding.ASCII.GetString(data, Position, 2), NumberStyles.HexNumber, null, out var h))
            { sb.Append((char)h); Position += 2; }
            else sb.Append((char)c);
            if (sb.Length > 256) throw new PdfSyntaxException("名称过长");
        }
        return new PdfName(sb.ToString());
    }

    private PdfString ReadLiteralString()
    {
        Position++;
        var bytes = new List<byte>();
        var depth = 1;
        while (true)
        {
            if (Position >= data.Length) throw new PdfSyntaxException("字符串未结束");
            var c = data[Position++];
            if (c == '\\')
            {
                if (Position >= data.Length) throw new PdfSyntaxException("字符串未结束");
                var e = data[Position++];
                switch (e)
                {
                    case (byte)'n': bytes.Add(10); break;
                    case (byte)'r': bytes.Add(13); break;
                    case (byte)'t': bytes.Add(9); break;
                    case (byte)'b': bytes.Add(8); break;
                    case (byte)'f': bytes.Add(12); break;
                    case 13: if (Position < data.Length && data[Position] == 10) Position++; break;
                    case 10: break;
                    case >= (byte)'0' and <= (byte)'7':
                        var v = e - '0';
                        for (var i = 0; i < 2 && Position < data.Length && data[Position] is >= (byte)'0' and <= (byte)'7'; i++) v = v * 8 +
                            (data[Position++] - '0');
                        bytes.Add((byte)v);
                        break;
                    default: bytes.Add(e); break;
                }
            }
            else if (c == '(') { depth++; bytes.Add(c); }
            else if (c == ')') { if (--depth == 0) break; bytes.Add(c); }
            else bytes.Add(c);
        }
        return new PdfString(bytes.ToArray());
    }

    private PdfString ReadHexString()
    {
        Position++;
        var bytes = new List<byte>();
        var high = -1;
        while (true)
        {
            if (Position >= data.Length) throw new PdfSyntaxException("十六进制字符串未结束");
            var c = data[Position++];
            if (c == '>') break;
            if (IsWhite(c)) continue;
            var v = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10
                : c is >= (byte)'A' and <= (byte)'F' ? c - 'A' + 10 : -1;
            if (v < 0) throw new PdfSyntaxException("十六进制字符串含非法字符");
            if (high < 0) high = v; else { bytes.Add((byte)(high * 16 + v)); high = -1; }
        }
        if (high >= 0) bytes.Add((byte)(high * 16));
        return new PdfString(bytes.ToArray());
    }

    private PdfDict ReadDict(int depth)
    {
        Position += 2;
        var dict = new PdfDict();
        while (true)
        {
            SkipWhite();
            if (Position + 1 >= data.Length) throw new PdfSyntaxException("字典未结束");
            if (data[Position] == '>' && data[Position + 1] == '>') { Position += 2; return dict; }
            if (dict.Entries.Count > 10_000) throw new PdfSyntaxException("字典过大");
            var keyStart = Position;
            if (ReadObject(depth + 1) is not PdfName key) throw new PdfSyntaxException("字典键不是名称");
            SkipWhite();
            var start = Position;
            var value = ReadObject(depth + 1);
            dict.Entries.Add((key.Value, value, start, Position, keyStart));
        }
    }

    /// <summary>Literal string syntax for ASCII/Latin-1 text (escapes backslash and parentheses).</summary>
    public static string Literal(string text) =>
        "(" + text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)").Replace("\r", "\\r").Replace("\n", "\\n") + ")";
}

internal sealed class PdfSyntaxException(string message) : Exception(message);
