using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>An in-memory box (used for moov only). Containers hold children; everything else keeps its payload.
/// A parsed leaf keeps a view of the bytes moov was read into and copies them only when <see cref="Payload"/> is
/// asked for: most of a 0.5 MB moov is sample tables that an in-place write never looks at, and every fresh page
/// costs a page fault in a short process (BENCHMARKS.md).</summary>
internal sealed class Box
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "udta", "meta", "edts", "mvex"];

    private byte[]? _payload;
    private ReadOnlyMemory<byte> _view;
    /// <summary>The box was read with a 64-bit size: it keeps that header, so an in-place rewrite of a box after it
    /// leaves everything before that box where it was.</summary>
    private bool _largeHeader;

    public string Type { get; }
    /// <summary>Bytes between header and children (meta's FullBox version/flags); empty otherwise.</summary>
    public byte[] Prefix { get; set; } = [];

    /// <summary>A leaf's payload (a copy of the parsed bytes on first use, so changing it never changes the buffer they
    /// were parsed from); null for a container.</summary>
    public byte[]? Payload
    {
        get => _payload ??= Children is null ? _view.ToArray() : null;
        set { _payload = value; _view = default; }
    }

    public List<Box>? Children { get; set; }

    public Box(string type, byte[] payload) { Type = type; _payload = payload; }
    public Box(string type, List<Box> children, byte[]? prefix = null) { Type = type; Children = children; Prefix = prefix ?? []; }
    private Box(string type, ReadOnlyMemory<byte> view) { Type = type; _view = view; }

    private ReadOnlySpan<byte> PayloadBytes => _payload ?? _view.Span;

    public long ContentSize => Prefix.Length + (Children is null ? PayloadBytes.Length : Children.Sum(c => c.Size));
    public long Size => ContentSize + (IsLarge(ContentSize) ? 16 : 8);

    private bool IsLarge(long content) => _largeHeader || content + 8 > uint.MaxValue;

    /// <summary>Forgets the 64-bit headers read from the file, in the whole tree: every box then gets the smallest
    /// header, the canonical form the content digest hashes (so a digest does not depend on how sizes were stored).</summary>
    public void UseSmallestHeaders()
    {
        _largeHeader = false;
        foreach (var c in Children ?? []) c.UseSmallestHeaders();
    }

    /// <summary>True for the box types parsed into children (everything else is a leaf).</summary>
    public static bool IsContainer(string type) => Containers.Contains(type);

    public Box? Child(string type) => Children?.FirstOrDefault(c => c.Type == type);
    public IEnumerable<Box> ChildrenOf(string type) => Children?.Where(c => c.Type == type) ?? [];

    /// <summary>Parses a box's content, which the leaves then refer to (it must not change while the box is in use).
    /// Throws <see cref="FormatException"/> on malformed structure (callers catch).</summary>
    public static Box Parse(string type, ReadOnlyMemory<byte> content, int depth)
    {
        if (depth > BmffBoxes.MaxDepth || !Containers.Contains(type)) return new Box(type, content);
        var prefix = type == "meta" ? BmffBoxes.MetaPrefix(content.Span) : 0;
        if (content.Length < prefix) throw new FormatException("meta 盒子过短");
        return new Box(type, ParseList(type, content[prefix..], depth), content.Span[..prefix].ToArray());
    }

    /// <summary>Parses a run of sibling boxes (the content of a container).</summary>
    public static List<Box> ParseList(string parent, ReadOnlyMemory<byte> rest, int depth)
    {
        var children = new List<Box>();
        while (rest.Length > 0)
        {
            var span = rest.Span;
            var size = ChildSize(parent, span[..Math.Min(span.Length, 16)], span.Length, out var header, out var childType);
            if (size == 0) break;
            var child = Parse(childType, rest[header..(int)size], depth + 1);
            child._largeHeader = header == 16;
            children.Add(child);
            rest = rest[(int)size..];
            if (children.Count > BmffBoxes.MaxChildren) throw new FormatException($"{parent} 内子盒子过多");
        }
        return children;
    }

    /// <summary>The one rule for a child box header inside a container, shared by the in-memory parser and the walk
    /// of a box in the file (<see cref="MoovTail"/>), so both accept and refuse the same bytes. <paramref name="head"/>
    /// holds the first min(16, <paramref name="rest"/>) bytes of the child; <paramref name="rest"/> counts the bytes
    /// left in the container. Returns the child's total size, or 0 for the padding that ends the list. Throws
    /// <see cref="FormatException"/> on a header that does not fit.</summary>
    public static long ChildSize(string parent, ReadOnlySpan<byte> head, long rest, out int header, out string childType)
    {
        header = 8;
        childType = "";
        // Old QuickTime ends a udta list with a 32-bit zero; dropping it is harmless.
        if (rest < 8 && !head.ContainsAnyExcept((byte)0)) return 0;
        if (rest < 8) throw new FormatException($"{parent} 内盒子头不完整");
        long size = BinaryPrimitives.ReadUInt32BigEndian(head);
        childType = BmffBoxes.TypeOf(head.Slice(4, 4));
        if (size == 1)
        {
            if (rest < 16) throw new FormatException($"{parent} 内 64 位盒子头不完整");
            size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(head.Slice(8, 8)), long.MaxValue);
            header = 16;
        }
        else if (size == 0) size = rest;
        if (size < header || size > rest) throw new FormatException($"{parent} 内盒子 {BmffBoxes.Printable(childType)} 大小无效");
        return size;
    }

    public void WriteTo(Stream s)
    {
        Span<byte> header = stackalloc byte[16];
        s.Write(header[..WriteHeader(header)]);
        s.Write(Prefix);
        if (Children is null) s.Write(PayloadBytes);
        else foreach (var c in Children) c.WriteTo(s);
    }

    /// <summary>Writes the box into the start of <paramref name="destination"/> (at least <see cref="Size"/> bytes) and
    /// returns how many bytes it wrote.</summary>
    public int WriteTo(Span<byte> destination)
    {
        var n = WriteHeader(destination);
        Prefix.CopyTo(destination[n..]);
        n += Prefix.Length;
        if (Children is null)
        {
            PayloadBytes.CopyTo(destination[n..]);
            return n + PayloadBytes.Length;
        }
        foreach (var c in Children) n += c.WriteTo(destination[n..]);
        return n;
    }

    private int WriteHeader(Span<byte> header)
    {
        var content = ContentSize;
        var large = IsLarge(content);
        BinaryPrimitives.WriteUInt32BigEndian(header, large ? 1 : (uint)(content + 8));
        Encoding.Latin1.GetBytes(Type, header.Slice(4, 4));
        if (!large) return 8;
        BinaryPrimitives.WriteUInt64BigEndian(header[8..], (ulong)(content + 16));
        return 16;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }
}
