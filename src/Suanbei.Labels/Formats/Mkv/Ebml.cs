using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mkv;

/// <summary>An element header found in a file. <see cref="Size"/> is the data size; <c>null</c> when unknown
/// (all-ones, used by live writers), in which case <see cref="End"/> was found by scanning.</summary>
internal readonly record struct EbmlHeader(ulong Id, long Offset, int HeaderSize, long? Size, long End)
{
    public long DataOffset => Offset + HeaderSize;
    public long TotalSize => End - Offset;
}

/// <summary>An in-memory EBML element (SeekHead, Tags, Cues only — small, edited). Masters hold children.</summary>
internal sealed class EbmlElement(ulong id, byte[]? data, List<EbmlElement>? children)
{
    public ulong Id { get; } = id;
    public byte[]? Data { get; set; } = data;
    public List<EbmlElement>? Children { get; set; } = children;

    public long DataSize => Children is null ? Data!.LongLength : Children.Sum(c => c.TotalSize);
    public long TotalSize => Ebml.IdLength(Id) + Ebml.SizeLength(DataSize) + DataSize;

    public IEnumerable<EbmlElement> All(ulong id) => Children?.Where(c => c.Id == id) ?? [];
    public EbmlElement? First(ulong id) => Children?.FirstOrDefault(c => c.Id == id);

    public void WriteTo(Stream s, int sizeWidth = 0)
    {
        Ebml.WriteId(s, Id);
        Ebml.WriteSize(s, DataSize, sizeWidth);
        if (Children is null) s.Write(Data!);
        else foreach (var c in Children) c.WriteTo(s);
    }

    public byte[] ToBytes(int sizeWidth = 0)
    {
        using var ms = new MemoryStream();
        WriteTo(ms, sizeWidth);
        return ms.ToArray();
    }

    public ulong UInt() => Data!.Aggregate(0UL, (v, b) => v << 8 | b);
    public string Text() => Encoding.UTF8.GetString(Data!).TrimEnd('\0');
}

/// <summary>Bounded EBML (Matroska/WebM) primitives: variable-length ids and sizes, a level-1 walker that copes with
/// unknown-size clusters, and in-memory parsing of small master elements.</summary>
internal static class Ebml
{
    public const ulong EbmlMagic = 0x1A45DFA3, Segment = 0x18538067, SeekHead = 0x114D9B74, Seek = 0x4DBB, SeekId = 0x53AB,
        SeekPosition = 0x53AC, Info = 0x1549A966, Tracks = 0x1654AE6B, Tags = 0x1254C367, Tag = 0x7373, Targets = 0x63C0,
        SimpleTag = 0x67C8, TagName = 0x45A3, TagString = 0x4487, Cluster = 0x1F43B675, Cues = 0x1C53BB6B, CuePoint = 0xBB,
        CueTrackPositions = 0xB7, CueClusterPosition = 0xF1, CueCodecState = 0xEA, CueReference = 0xDB, CueRefCluster = 0x97,
        Chapters = 0x1043A770, Attachments = 0x1941A469, Void = 0xEC, Crc32 = 0xBF;

    public static readonly HashSet<ulong> Level1 = [SeekHead, Info, Tracks, Tags, Cluster, Cues, Chapters, Attachments, Segment, EbmlMagic];
    private static readonly HashSet<ulong> Masters = [SeekHead, Seek, Tags, Tag, Targets, SimpleTag, Cues, CuePoint, CueTrackPositions,
        CueReference];
    private const int MaxDepth = 16;

    public static int IdLength(ulong id) => id < 0x100 ? 1 : id < 0x10000 ? 2 : id < 0x1000000 ? 3 : 4;

    public static int SizeLength(long size)
    {
        var length = 1;
        while (length < 8 && size >= (1L << (7 * length)) - 1) length++;
        return length;
    }

    public static void WriteId(Stream s, ulong id)
    {
        for (var i = IdLength(id) - 1; i >= 0; i--) s.WriteByte((byte)(id >> (8 * i)));
    }

    /// <summary>Writes a size VINT of minimal width, or of <paramref name="width"/> bytes when given (used to absorb
    /// a single spare byte when an element must keep its total size).</summary>
    public static void WriteSize(Stream s, long size, int width = 0)
    {
        var length = Math.Max(SizeLength(size), width);
        var value = (ulong)size | (1UL << (7 * length));
        for (var i = length - 1; i >= 0; i--) s.WriteByte((byte)(value >> (8 * i)));
    }

    public static byte[] UIntBytes(ulong value)
    {
        var length = 1;
        while (length < 8 && value >> (8 * length) != 0) length++;
        var b = new byte[length];
        for (var i = 0; i < length; i++) b[length - 1 - i] = (byte)(value >> (8 * i));
        return b;
    }

    /// <summary>A Void element of exactly <paramref name="total"/> bytes (≥ 2).</summary>
    public static byte[] VoidOf(long total)
    {
        if (total < 2) throw new ArgumentOutOfRangeException(nameof(total));
        using var ms = new MemoryStream();
        ms.WriteByte(0xEC);
        if (total - 2 < 127) WriteSize(ms, total - 2, 1);
        else WriteSize(ms, total - 9, 8);
        ms.Write(new byte[total - ms.Length]);
        return ms.ToArray();
    }

    /// <summary>Reads an id and size at <paramref name="offset"/>; false when malformed or truncated.</summary>
    public static bool TryReadHeader(Stream s, long offset, long limit, out ulong id, out int headerSize, out long? size)
    {
        id = 0; headerSize = 0; size = null;
        Span<byte> b = stackalloc byte[12];
        var available = (int)Math.Min(12, limit - offset);
        if (available < 2) return false;
        s.Position = offset;
        if (!BoundedRead.TryReadExactly(s, b[..available])) return false;
        return TryParseHeader(b[..available], out id, out headerSize, out size);
    }

    public static bool TryParseHeader(ReadOnlySpan<byte> b, out ulong id, out int headerSize, out long? size)
    {
        id = 0; headerSize = 0; size = null;
        if (b.Length < 2 || b[0] == 0) return false;
        var idLength = 1 + System.Numerics.BitOperations.LeadingZeroCount((uint)b[0]) - 24;
        if (idLength > 4 || b.Length < idLength + 1) return false;
        for (var i = 0; i < idLength; i++) id = id << 8 | b[i];
        var first = b[idLength];
        if (first == 0) return false;
        var sizeLength = 1 + System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 24;
        if (b.Length < idLength + sizeLength) return false;
        ulong value = (ulong)(first & (0xFF >> sizeLength));
        var allOnes = value == (ulong)(0xFF >> sizeLength);
        for (var i = 1; i < sizeLength; i++)
        {
            value = value << 8 | b[idLength + i];
            allOnes &= b[idLength + i] == 0xFF;
        }
        headerSize = idLength + sizeLength;
        size = allOnes ? null : value > long.MaxValue ? long.MaxValue : (long)value;
        return true;
    }

    /// <summary>The elements between <paramref name="start"/> and <paramref name="end"/>. An unknown-size element
    /// ends where a level-1 id (or the end) appears among its children.</summary>
    public static List<EbmlHeader> Walk(Stream s, long start, long end, out string? error)
    {
        var list = new List<EbmlHeader>();
        error = null;
        var offset = start;
        while (offset < end)
        {
            if (!TryReadHeader(s, offset, end, out var id, out var headerSize, out var size))
            {
                error = $"偏移 {offset} 处 EBML 元素头无效（damaged or truncated）";
                return list;
            }
            long elementEnd;
            if (size is { } known)
            {
                if (known > end - offset - headerSize)
                {
                    error = $"偏移 {offset} 处元素 0x{id:X} 大小 {known} 超出范围（truncated or damaged）";
                    return list;
                }
                elementEnd = offset + headerSize + known;
            }
            else elementEnd = ScanUnknown(s, offset + headerSize, end);
            list.Add(new EbmlHeader(id, offset, headerSize, size, elementEnd));
            if (list.Count > 10_000_000) { error = "EBML 元素过多"; return list; }
            offset = elementEnd;
        }
        return list;
    }

    private static long ScanUnknown(Stream s, long offset, long end)
    {
        while (offset < end)
        {
            if (!TryReadHeader(s, offset, end, out var id, out var headerSize, out var size) || Level1.Contains(id)
                || size is null) return offset;
            if (size.Value > end - offset - headerSize) return end;
            offset += headerSize + size.Value;
        }
        return end;
    }

    /// <summary>Parses a small master element held in memory. Throws <see cref="FormatException"/> when malformed.</summary>
    public static EbmlElement Parse(ulong id, ReadOnlySpan<byte> data, int depth = 0)
    {
        if (!Masters.Contains(id)) return new EbmlElement(id, data.ToArray(), null);
        if (depth > MaxDepth) throw new FormatException("EBML 嵌套过深");
        var children = new List<EbmlElement>();
        while (data.Length > 0)
        {
            if (!TryParseHeader(data[..Math.Min(12, data.Length)], out var childId, out var headerSize, out var size) || size is null
                || size.Value > data.Length - headerSize)
                throw new FormatException($"元素 0x{id:X} 内子元素无效");
            children.Add(Parse(childId, data.Slice(headerSize, (int)size.Value), depth + 1));
            data = data[(headerSize + (int)size.Value)..];
        }
        return new EbmlElement(id, null, children);
    }
}
