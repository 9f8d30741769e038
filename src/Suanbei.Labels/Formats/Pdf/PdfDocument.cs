using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Pdf;

/// <summary>An indirect object as loaded: its value (spanning <paramref name="ValueStart"/>..<paramref name="ValueEnd"/>
/// of <paramref name="Window"/>), and the stream data (decoded) when it is a stream, whose raw bytes sit at
/// <paramref name="RawStart"/> (file offset) for <paramref name="RawLength"/> bytes. <paramref name="Window"/>[0] is at
/// file offset <paramref name="Offset"/>, or, for an object inside an object stream (<paramref name="Container"/>), the
/// window is the container's decoded data.</summary>
internal sealed record PdfObject(int Number, int Generation, object Value, byte[] Window, long Offset, byte[]? StreamData,
    int ValueStart = 0, int ValueEnd = 0, long RawStart = 0, long RawLength = 0, PdfObject? Container = null);

/// <summary>
/// The cross-reference chain of a PDF (classic tables, xref streams and hybrid /XRefStm, following /Prev) and a bounded lookup of the
/// few objects the label needs (Info, Root, Metadata). Never reads the whole file.
/// </summary>
internal sealed class PdfDocument
{
    private const int ObjectWindow = 256 * 1024;
    private const int MaxSections = 256;
    private readonly Stream _s;
    private readonly List<Section> _sections = [];

    /// <summary>One xref section: classic subsections (first, count, file position of first entry) or decoded stream entries.</summary>
    private sealed class Section
    {
        public List<(int First, int Count, long EntriesAt)> Classic { get; } = [];
        public Dictionary<int, (int Type, long F2, int F3)>? StreamEntries { get; set; }
        public PdfDict Trailer { get; set; } = new();
    }

    public long StartXref { get; private set; }
    public bool LastXrefIsStream { get; private set; }
    public long FileLength { get; }
    public int Size { get; private set; }
    public PdfRef? Root { get; private set; }
    public PdfRef? Info { get; private set; }
    public bool Encrypted { get; private set; }
    public PdfArray? Id { get; private set; }

    private PdfDocument(Stream s) { _s = s; FileLength = s.Length; }

    public static PdfDocument Open(Stream s)
    {
        var doc = new PdfDocument(s);
        doc.Load();
        return doc;
    }

    private void Load()
    {
        var tailLength = (int)Math.Min(FileLength, 4096);
        var tail = ReadAt(FileLength - tailLength, tailLength);
        var i = tail.AsSpan().LastIndexOf("startxref"u8);
        if (i < 0) throw new PdfSyntaxException("缺少 startxref（文件被截断？）");
        var p = new PdfParser(tail, i + 9);
        if (p.ReadObject() is not PdfNumber n || n.AsLong <= 0 || n.AsLong >= FileLength) throw new PdfSyntaxException("startxref 偏移无效");
        StartXref = n.AsLong;
        var visited = new HashSet<long>();
        var offset = StartXref;
        while (offset > 0)
        {
            if (!visited.Add(offset) || _sections.Count >= MaxSections) throw new PdfSyntaxException("交叉引用链循环或过长");
            var section = ReadSection(offset, out var isStream);
            if (_sections.Count == 0) LastXrefIsStream = isStream;
            _sections.Add(section);
            var t = section.Trailer;
            if (Size == 0 && t["Size"] is PdfNumber size) Size = (int)Math.Clamp(size.AsLong, 0, 10_000_000);
            Root ??= t["Root"] as PdfRef;
            Info ??= t["Info"] as PdfRef;
            Id ??= t["ID"] as PdfArray;
            if (t["Encrypt"] is not null) Encrypted = true;
            // A hybrid-reference file: objects the classic table omits are in the xref stream /XRefStm names, which
            // ranks right after that table (ISO 32000-1 §7.5.8.4).
            if (!isStream && t["XRefStm"] is PdfNumber { AsLong: > 0 } xs && xs.AsLong < FileLength && visited.Add(xs.AsLong))
            {
                var hidden = ReadSection(xs.AsLong, out var hiddenIsStream);
                if (!hiddenIsStream) throw new PdfSyntaxException("/XRefStm 偏移处不是 xref 流");
                _sections.Add(hidden);
            }
            offset = t["Prev"] is PdfNumber prev ? prev.AsLong : 0;
            if (offset < 0 || offset >= FileLength) throw new PdfSyntaxException("/Prev 偏移无效");
        }
        if (Root is null) throw new PdfSyntaxException("trailer 缺少 /Root");
    }

    private Section ReadSection(long offset, out bool isStream)
    {
        var window = ReadAt(offset, (int)Math.Min(ObjectWindow, FileLength - offset));
        var p = new PdfParser(window);
        p.SkipWhite();
        var section = new Section();
        if (window.AsSpan(p.Position).StartsWith("xref"u8))
        {
            isStream = false;
            p.Position += 4;
            while (true)
            {
                p.SkipWhite();
                if (window.AsSpan(p.Position).StartsWith("trailer"u8))
                {
                    p.Position += 7;
                    section.Trailer = p.ReadObject() as PdfDict ?? throw new PdfSyntaxException("trailer 不是字典");
                    return section;
                }
                if (p.ReadObject() is not PdfNumber first || p.ReadObject() is not PdfNumber count) throw new PdfSyntaxException(
                    "xref 子节头无效");
                if (first.AsLong < 0 || count.AsLong < 0 || first.AsLong + count.AsLong > 10_000_000) throw new PdfSyntaxException(
                    "xref 子节范围无效");
                while (p.Position < window.Length && PdfParser.IsWhite(window[p.Position])
                    && window[p.Position] is not (10 or 13)) p.Position++;
                while (p.Position < window.Length && window[p.Position] is 10 or 13) p.Position++;
                var entriesAt = offset + p.Position;
                if (entriesAt + count.AsLong * 20 > FileLength) throw new PdfSyntaxException("xref 表超出文件末尾");
                section.Classic.Add(((int)first.AsLong, (int)count.AsLong, entriesAt));
                var skip = count.AsLong * 20;
                if (p.Position + skip > window.Length)
                {
                    // A large table: re-window right after it.
                    var next = entriesAt + skip;
                    window = ReadAt(next, (int)Math.Min(ObjectWindow, FileLength - next));
                    offset = next;
                    p = new PdfParser(window);
                }
                else p.Position += (int)skip;
            }
        }
        isStream = true;
        var obj = ParseObjectAt(offset, window) ?? throw new PdfSyntaxException("xref 偏移处不是对象");
        if (obj.Value is not PdfDict d || d["Type"] is not PdfName { Value: "XRef" } || obj.StreamData is null)
            throw new PdfSyntaxException("xref 偏移处既不是 xref 表也不是 xref 流");
        section.Trailer = d;
        if (d["W"] is not PdfArray { Items.Count: 3 } w || w.Items.Any(x => x is not PdfNumber { Value: >= 0 and <= 8 }))
            throw new PdfSyntaxException("xref 流 /W 无效");
        var widths = w.Items.Select(x => (int)((PdfNumber)x).Value).ToArray();
        var rowLength = widths.Sum();
        if (rowLength == 0) throw new PdfSyntaxException("xref 流 /W 无效");
        var index = d["Index"] is PdfArray idx ? idx.Items.OfType<PdfNumber>().Select(x => x.AsLong).ToList()
            : [0, d["Size"] is PdfNumber sz ? sz.AsLong : 0];
        var entries = new Dictionary<int, (int, long, int)>();
        var pos = 0;
        var data = obj.StreamData;
        for (var k = 0; k + 1 < index.Count; k += 2)
            for (long num = index[k]; num < index[k] + index[k + 1]; num++)
            {
                if (pos + rowLength > data.Length) throw new PdfSyntaxException("xref 流数据过短");
                var f1 = widths[0] == 0 ? 1 : (int)Field(data, pos, widths[0]);
                var f2 = Field(data, pos + widths[0], widths[1]);
                var f3 = (int)Field(data, pos + widths[0] + widths[1], widths[2]);
                pos += rowLength;
                if (num is >= 0 and < int.MaxValue) entries.TryAdd((int)num, (f1, f2, f3));
            }
        section.StreamEntries = entries;
        return section;
    }

    private static long Field(byte[] d, int at, int width)
    {
        long v = 0;
        for (var i = 0; i < width; i++) v = (v << 8) | d[at + i];
        return v;
    }

    /// <summary>Where object <paramref name="number"/> lives in the newest section that mentions it.</summary>
    private (int Type, long F2, int F3)? Locate(int number)
    {
        foreach (var section in _sections)
            if (LocateIn(section, number) is { } e) return e;
        return null;
    }

    /// <summary>The entry one section gives object <paramref name="number"/>; null when it does not mention it.</summary>
    private (int Type, long F2, int F3)? LocateIn(Section section, int number)
    {
        if (section.StreamEntries is { } se) return se.TryGetValue(number, out var e) ? e : null;
        foreach (var (first, count, at) in section.Classic)
        {
            if (number < first || number >= first + count) continue;
            var entry = ReadAt(at + (number - first) * 20L, 18);
            var text = Encoding.ASCII.GetString(entry);
            if (text.Length < 18 || !long.TryParse(text[..10], out var off) || !int.TryParse(text[11..16], out var gen))
                throw new PdfSyntaxException($"xref 条目 {number} 无效");
            return text[17] == 'n' ? (1, off, gen) : (0, 0, 0);
        }
        return null;
    }

    /// <summary>Every object number any revision's trailer names under <paramref name="key"/> (Info, Root).</summary>
    public IEnumerable<int> TrailerRefs(string key) =>
        _sections.Select(s => s.Trailer[key]).OfType<PdfRef>().Select(r => r.Number).Distinct();

    /// <summary>Every version of object <paramref name="number"/> that some revision defines (newest first, each
    /// location once), including ones later revisions superseded: their bytes are still in the file. A version that
    /// does not parse is skipped (no reader can see a label in it either).</summary>
    public IEnumerable<PdfObject> Versions(int number)
    {
        var seen = new HashSet<(int, long, int)>();
        foreach (var section in _sections)
        {
            (int Type, long F2, int F3)? loc;
            try { loc = LocateIn(section, number); }
            catch (PdfSyntaxException) { continue; }
            if (loc is not { Type: 1 or 2 } l || !seen.Add(l)) continue;
            PdfObject? obj;
            try { obj = LoadAt(number, l, 0); }
            catch (PdfSyntaxException) { continue; }
            if (obj is not null) yield return obj;
        }
    }

    public int GenerationOf(PdfRef r) => Locate(r.Number) is { Type: 1 } e ? e.F3 : r.Generation;

    /// <summary>Loads an indirect object (also from an object stream); null when it is free or missing.</summary>
    public PdfObject? Load(PdfRef r, int depth = 0)
    {
        if (depth > 4) throw new PdfSyntaxException("对象引用过深");
        var loc = Locate(r.Number);
        if (loc is null || loc.Value.Type == 0) return null;
        return LoadAt(r.Number, loc.Value, depth);
    }

    private PdfObject? LoadAt(int number, (int Type, long F2, int F3) loc, int depth)
    {
        var r = new PdfRef(number, 0);
        if (loc.Type == 0) return null;
        if (loc.Type == 1)
        {
            var off = loc.F2;
            if (off <= 0 || off >= FileLength) throw new PdfSyntaxException($"对象 {r.Number} 的偏移无效");
            return ParseObjectAt(off, ReadAt(off, (int)Math.Min(ObjectWindow, FileLength - off)), depth);
        }
        // Type 2: inside object stream F2 at index F3.
        var stm = Load(new PdfRef((int)Math.Clamp(loc.F2, 0, int.MaxValue), 0), depth + 1);
        if (stm?.Value is not PdfDict sd || stm.StreamData is null || sd["First"] is not PdfNumber first || sd["N"] is not PdfNumber n)
            throw new PdfSyntaxException($"对象流 {loc.F2} 无效");
        var p = new PdfParser(stm.StreamData);
        for (var i = 0; i < Math.Min(n.AsLong, 100_000); i++)
        {
            if (p.ReadObject() is not PdfNumber num || p.ReadObject() is not PdfNumber rel) break;
            if (num.AsLong != r.Number) continue;
            var at = first.AsLong + rel.AsLong;
            if (at < 0 || at >= stm.StreamData.Length) break;
            var q = new PdfParser(stm.StreamData, (int)at);
            q.SkipWhite();
            var valueStart = q.Position;
            var value = q.ReadObject();
            return new PdfObject(r.Number, 0, value, stm.StreamData, -1, null, valueStart, q.Position, Container: stm);
        }
        throw new PdfSyntaxException($"对象 {r.Number} 不在对象流中");
    }

    private PdfObject? ParseObjectAt(long offset, byte[] window, int depth = 0)
    {
        var p = new PdfParser(window);
        if (p.ReadObject() is not PdfNumber num || p.ReadObject() is not PdfNumber gen || p.ReadObject() is not PdfKeyword { Value: "obj" })
            throw new PdfSyntaxException($"偏移 {offset} 处不是间接对象");
        p.SkipWhite();
        var valueStart = p.Position;
        var value = p.ReadObject();
        var valueEnd = p.Position;
        byte[]? streamData = null;
        long rawStart = 0, rawLength = 0;
        p.SkipWhite();
        if (value is PdfDict d && window.AsSpan(p.Position).StartsWith("stream"u8))
        {
            p.Position += 6;
            if (p.Position < window.Length && window[p.Position] == 13) p.Position++;
            if (p.Position < window.Length && window[p.Position] == 10) p.Position++;
            var length = d["Length"] switch
            {
                PdfNumber l => l.AsLong,
                PdfRef lr when depth < 4 => (Load(lr, depth + 1)?.Value as PdfNumber)?.AsLong ?? -1,
                _ => -1,
            };
            var start = offset + p.Position;
            if (length < 0 || length > IoLimits.MaxMetadataItem || start + length > FileLength) throw new PdfSyntaxException(
                $"对象 {num.AsLong} 的流长度无效");
            var raw = ReadAt(start, (int)length);
            streamData = Decode(d, raw) ?? throw new PdfSyntaxException($"对象 {num.AsLong} 的流无法解码");
            (rawStart, rawLength) = (start, length);
        }
        return new PdfObject((int)num.AsLong, (int)gen.AsLong, value, window, offset, streamData, valueStart, valueEnd, rawStart,
            rawLength);
    }

    /// <summary>FlateDecode (with PNG predictors) or no filter; null for other filters or bad data.</summary>
    private static byte[]? Decode(PdfDict d, byte[] raw)
    {
        var filter = d["Filter"] switch
        {
            PdfName n => n.Value,
            PdfArray { Items.Count: 0 } => null,
            PdfArray { Items.Count: 1 } a when a.Items[0] is PdfName n1 => n1.Value,
            null => null,
            _ => "?",
        };
        if (filter is null) return raw;
        if (filter != "FlateDecode") return null;
        var data = BoundedRead.Inflate(raw, IoLimits.MaxMetadataItem);
        if (data is null) return null;
        var parms = d["DecodeParms"] as PdfDict ?? (d["DecodeParms"] as PdfArray)?.Items.FirstOrDefault() as PdfDict;
        if (parms?["Predictor"] is PdfNumber { Value: >= 10 } && parms["Columns"] is PdfNumber cols && cols.AsLong is > 0 and < 1 << 20)
            return PngUnpredict(data, (int)cols.AsLong);
        return data;
    }

    private static byte[]? PngUnpredict(byte[] data, int columns)
    {
        var row = columns + 1;
        if (data.Length % row != 0) return null;
        var rows = data.Length / row;
        var output = new byte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            var type = data[r * row];
            for (var c = 0; c < columns; c++)
            {
                var x = data[r * row + 1 + c];
                var left = c > 0 ? output[r * columns + c - 1] : 0;
                var up = r > 0 ? output[(r - 1) * columns + c] : 0;
                var upLeft = r > 0 && c > 0 ? output[(r - 1) * columns + c - 1] : 0;
                output[r * columns + c] = type switch
                {
                    0 => x,
                    1 => (byte)(x + left),
                    2 => (byte)(x + up),
                    3 => (byte)(x + (left + up) / 2),
                    4 => (byte)(x + Paeth(left, up, upLeft)),
                    _ => x,
                };
            }
        }
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private byte[] ReadAt(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > FileLength) throw new PdfSyntaxException("读取超出文件末尾");
        _s.Position = offset;
        var buffer = new byte[count];
        if (!BoundedRead.TryReadExactly(_s, buffer)) throw new PdfSyntaxException("文件被截断");
        return buffer;
    }
}
