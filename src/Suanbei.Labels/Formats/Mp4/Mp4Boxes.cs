using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>A box header as found in the file: absolute offset, total size (header included) and header length.</summary>
internal readonly record struct BoxHeader(long Offset, long Size, int HeaderSize, string Type)
{
    public long End => Offset + Size;
    public long PayloadOffset => Offset + HeaderSize;
    public long PayloadSize => Size - HeaderSize;
}

/// <summary>
/// Bounded ISO BMFF / QuickTime box walker. Streaming form (<see cref="ReadChildren"/>) for reading a file of any size;
/// in-memory tree (<see cref="Box"/>) only for <c>moov</c>, which is small and must be edited.
/// </summary>
internal static class Mp4Boxes
{
    public const int MaxChildren = 1_000_000;
    public const int MaxDepth = 16;

    /// <summary>The XMP uuid (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC) as stored in the box.</summary>
    public static readonly byte[] XmpUuid = Convert.FromHexString("BE7ACFCB97A942E89C71999491E3AFAC");

    public static string TypeOf(ReadOnlySpan<byte> fourcc) => Encoding.Latin1.GetString(fourcc);

    /// <summary>The boxes between <paramref name="start"/> and <paramref name="end"/>, or an error naming the offset.</summary>
    public static List<BoxHeader> ReadChildren(Stream s, long start, long end, out string? error)
    {
        var boxes = new List<BoxHeader>();
        error = null;
        Span<byte> h = stackalloc byte[16];
        var offset = start;
        while (offset < end)
        {
            if (end - offset < 8) { error = $"偏移 {offset} 处的盒子头不完整（truncated box header）"; return boxes; }
            s.Position = offset;
            if (!MediaIo.TryReadExactly(s, h[..8])) { error = $"偏移 {offset} 处文件意外结束（truncated）"; return boxes; }
            long size = BinaryPrimitives.ReadUInt32BigEndian(h);
            var type = TypeOf(h.Slice(4, 4));
            var headerSize = 8;
            if (size == 1)
            {
                if (end - offset < 16 || !MediaIo.TryReadExactly(s, h.Slice(8, 8))) { error = $"偏移 {offset} 处 64 位盒子大小不完整"; return boxes; }
                var large = BinaryPrimitives.ReadUInt64BigEndian(h.Slice(8, 8));
                if (large > long.MaxValue) { error = $"偏移 {offset} 处盒子 {type} 大小无效"; return boxes; }
                size = (long)large;
                headerSize = 16;
            }
            else if (size == 0) size = end - offset; // "to the end of the enclosing container"
            if (size < headerSize) { error = $"偏移 {offset} 处盒子 {Printable(type)} 大小 {size} 小于头部"; return boxes; }
            if (size > end - offset) { error = $"偏移 {offset} 处盒子 {Printable(type)} 大小 {size} 超出容器（truncated or damaged）"; return boxes; }
            boxes.Add(new BoxHeader(offset, size, headerSize, type));
            if (boxes.Count > MaxChildren) { error = $"偏移 {start} 处子盒子过多"; return boxes; }
            offset += size;
        }
        return boxes;
    }

    public static string Printable(string type) =>
        type.All(c => c >= 0x20 && c < 0x7F) ? type : "0x" + Convert.ToHexString(Encoding.Latin1.GetBytes(type));

    /// <summary>Bytes to skip at the start of a <c>meta</c> payload: 4 (ISO FullBox version/flags) or 0 (QuickTime
    /// style, where a child box header follows directly).</summary>
    public static int MetaPrefix(ReadOnlySpan<byte> payloadStart) =>
        payloadStart.Length >= 8 && TypeOf(payloadStart.Slice(4, 4)) == "hdlr" ? 0 : 4;
}

/// <summary>An in-memory box (used for moov only). Containers hold children; everything else keeps its payload.</summary>
internal sealed class Box
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "udta", "meta", "edts", "mvex"];

    public string Type { get; }
    /// <summary>Bytes between header and children (meta's FullBox version/flags); empty otherwise.</summary>
    public byte[] Prefix { get; set; } = [];
    public byte[]? Payload { get; set; }
    public List<Box>? Children { get; set; }

    public Box(string type, byte[] payload) { Type = type; Payload = payload; }
    public Box(string type, List<Box> children, byte[]? prefix = null) { Type = type; Children = children; Prefix = prefix ?? []; }

    public long ContentSize => Prefix.Length + (Children is null ? Payload!.LongLength : Children.Sum(c => c.Size));
    public long Size => ContentSize + (ContentSize + 8 > uint.MaxValue ? 16 : 8);

    public Box? Child(string type) => Children?.FirstOrDefault(c => c.Type == type);
    public IEnumerable<Box> ChildrenOf(string type) => Children?.Where(c => c.Type == type) ?? [];

    /// <summary>Parses a box's content. Throws <see cref="FormatException"/> on malformed structure (callers catch).</summary>
    public static Box Parse(string type, ReadOnlySpan<byte> content, int depth)
    {
        if (depth > Mp4Boxes.MaxDepth || !Containers.Contains(type)) return new Box(type, content.ToArray());
        var prefix = type == "meta" ? Mp4Boxes.MetaPrefix(content) : 0;
        if (content.Length < prefix) throw new FormatException("meta 盒子过短");
        return new Box(type, ParseList(type, content[prefix..], depth), content[..prefix].ToArray());
    }

    /// <summary>Parses a run of sibling boxes (the content of a container).</summary>
    public static List<Box> ParseList(string parent, ReadOnlySpan<byte> rest, int depth)
    {
        var type = parent;
        var children = new List<Box>();
        while (rest.Length > 0)
        {
            // Old QuickTime ends a udta list with a 32-bit zero; dropping it is harmless.
            if (rest.Length < 8 && !rest.ContainsAnyExcept((byte)0)) break;
            if (rest.Length < 8) throw new FormatException($"{type} 内盒子头不完整");
            long size = BinaryPrimitives.ReadUInt32BigEndian(rest);
            var childType = Mp4Boxes.TypeOf(rest.Slice(4, 4));
            var header = 8;
            if (size == 1)
            {
                if (rest.Length < 16) throw new FormatException($"{type} 内 64 位盒子头不完整");
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(rest.Slice(8, 8)), long.MaxValue);
                header = 16;
            }
            else if (size == 0) size = rest.Length;
            if (size < header || size > rest.Length) throw new FormatException($"{type} 内盒子 {Mp4Boxes.Printable(childType)} 大小无效");
            children.Add(Parse(childType, rest[header..(int)size], depth + 1));
            rest = rest[(int)size..];
            if (children.Count > Mp4Boxes.MaxChildren) throw new FormatException($"{type} 内子盒子过多");
        }
        return children;
    }

    public void WriteTo(Stream s)
    {
        var content = ContentSize;
        if (content + 8 > uint.MaxValue) { MediaIo.WriteU32BE(s, 1); s.Write(Encoding.Latin1.GetBytes(Type)); MediaIo.WriteU64BE(s, (ulong)(content + 16)); }
        else { MediaIo.WriteU32BE(s, (uint)(content + 8)); s.Write(Encoding.Latin1.GetBytes(Type)); }
        s.Write(Prefix);
        if (Children is null) s.Write(Payload!);
        else foreach (var c in Children) c.WriteTo(s);
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        WriteTo(ms);
        return ms.ToArray();
    }
}
