using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

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
        if (depth > BmffBoxes.MaxDepth || !Containers.Contains(type)) return new Box(type, content.ToArray());
        var prefix = type == "meta" ? BmffBoxes.MetaPrefix(content) : 0;
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
            var childType = BmffBoxes.TypeOf(rest.Slice(4, 4));
            var header = 8;
            if (size == 1)
            {
                if (rest.Length < 16) throw new FormatException($"{type} 内 64 位盒子头不完整");
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(rest.Slice(8, 8)), long.MaxValue);
                header = 16;
            }
            else if (size == 0) size = rest.Length;
            if (size < header || size > rest.Length) throw new FormatException($"{type} 内盒子 {BmffBoxes.Printable(childType)} 大小无效");
            children.Add(Parse(childType, rest[header..(int)size], depth + 1));
            rest = rest[(int)size..];
            if (children.Count > BmffBoxes.MaxChildren) throw new FormatException($"{type} 内子盒子过多");
        }
        return children;
    }

    public void WriteTo(Stream s)
    {
        var content = ContentSize;
        if (content + 8 > uint.MaxValue)
        {
            IntegerWrites.WriteU32BE(s, 1);
            s.Write(Encoding.Latin1.GetBytes(Type));
            IntegerWrites.WriteU64BE(s, (ulong)(content + 16));
        }
        else
        {
            IntegerWrites.WriteU32BE(s, (uint)(content + 8));
            s.Write(Encoding.Latin1.GetBytes(Type));
        }
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
