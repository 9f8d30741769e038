using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>
/// The end of a moov box, from its first child that can carry a label (<c>udta</c>, <c>meta</c>, <c>uuid</c>) to the
/// end of moov, read and parsed without the rest. The children before it (mvhd, the tracks) are walked header by header
/// with the in-memory parser's rule (<see cref="Box.ChildSize"/>), so damage is found exactly where parsing the whole
/// moov would find it, but their sample tables (most of a 0.5 MB moov) are never read. ffmpeg puts <c>udta</c> last, so
/// the tail is a few hundred bytes. Labels live only in those children, so the reader finds in the tail every label
/// the whole moov holds; an in-place write rewrites only the tail, and nothing before it moves.
/// </summary>
internal sealed class MoovTail
{
    private static readonly HashSet<string> LabelChildren = ["udta", "meta", "uuid"];

    /// <summary>Equal bytes that end a changed range: shorter runs are written over rather than split into two writes.</summary>
    private const int MinGap = 16;

    /// <summary>More ranges than this (a shifted tail) are written as one.</summary>
    private const int MaxRanges = 8;

    private MoovTail(long offset, byte[] bytes, Box moov)
    {
        Offset = offset;
        Bytes = bytes;
        Moov = moov;
    }

    /// <summary>Where the tail starts in the file (moov's end when moov has no child that can carry a label).</summary>
    public long Offset { get; }

    /// <summary>The tail as read; <see cref="Moov"/>'s leaves refer to it.</summary>
    public byte[] Bytes { get; }

    /// <summary>A moov box holding only the tail's children.</summary>
    public Box Moov { get; }

    /// <summary>Reads the tail of <paramref name="moov"/> (at most <see cref="IoLimits.MaxMetadataStructure"/>, which
    /// the caller checks against moov's size). Throws <see cref="FormatException"/> on damage anywhere in moov's box
    /// structure.</summary>
    public static MoovTail Load(Stream s, BoxHeader moov)
    {
        Span<byte> head = stackalloc byte[16];
        var at = moov.PayloadOffset;
        var before = 0;
        for (; at < moov.End; before++)
        {
            var rest = moov.End - at;
            var n = (int)Math.Min(16, rest);
            ReadAt(s, at, head[..n]);
            var size = Box.ChildSize("moov", head[..n], rest, out var header, out var type);
            // Trailing padding belongs to the tail: a child appended after it would otherwise follow the padding.
            if (size == 0 || LabelChildren.Contains(type)) break;
            CheckStructure(s, type, at + header, size - header, 1, head);
            at += size;
        }
        var bytes = new byte[moov.End - at];
        ReadAt(s, at, bytes);
        var children = Box.ParseList("moov", bytes, 0);
        if (before + children.Count > BmffBoxes.MaxChildren) throw new FormatException("moov 内子盒子过多");
        return new MoovTail(at, bytes, new Box("moov", children));
    }

    /// <summary>The tail after the label change, serialized (children in order, each header as it was read).</summary>
    public byte[] NewBytes()
    {
        var bytes = new byte[Moov.Children!.Sum(c => c.Size)];
        var n = 0;
        foreach (var c in Moov.Children!) n += c.WriteTo(bytes.AsSpan(n));
        return bytes;
    }

    /// <summary>The ranges [Start, End) of <paramref name="updated"/> that must be written over <paramref name="old"/>
    /// (at the same offset) to turn it into <paramref name="updated"/>: runs of differing bytes (closer than
    /// <see cref="MinGap"/> joined), and everything past the old end. Size fields that change are such runs, so a
    /// label appended at the end costs the size fields on its path and the new bytes.</summary>
    public static List<(int Start, int End)> ChangedRanges(ReadOnlySpan<byte> old, ReadOnlySpan<byte> updated)
    {
        var ranges = new List<(int Start, int End)>();
        var common = Math.Min(old.Length, updated.Length);
        var i = 0;
        while (true)
        {
            i += old[i..common].CommonPrefixLength(updated[i..common]);
            if (i >= common) break;
            var start = i;
            // The run ends before MinGap equal bytes in a row (or at the end of the common part).
            while (i < common)
            {
                var same = old[i..common].CommonPrefixLength(updated[i..common]);
                if (same >= MinGap || i + same >= common) break;
                i += same + 1;
            }
            ranges.Add((start, i));
        }
        if (updated.Length > old.Length)
        {
            if (ranges.Count > 0 && common - ranges[^1].End < MinGap) ranges[^1] = (ranges[^1].Start, updated.Length);
            else ranges.Add((common, updated.Length));
        }
        if (ranges.Count > MaxRanges) ranges = [(ranges[0].Start, ranges[^1].End)];
        return ranges;
    }

    /// <summary>Checks the box structure under a child of moov the way <see cref="Box.Parse"/> would, reading only box
    /// headers (and a meta box's first bytes, which say whether it has a FullBox prefix).</summary>
    private static void CheckStructure(Stream s, string type, long content, long length, int depth, Span<byte> head)
    {
        if (depth > BmffBoxes.MaxDepth || !Box.IsContainer(type)) return;
        if (type == "meta")
        {
            var m = (int)Math.Min(8, length);
            ReadAt(s, content, head[..m]);
            var prefix = BmffBoxes.MetaPrefix(head[..m]);
            if (length < prefix) throw new FormatException("meta 盒子过短");
            content += prefix;
            length -= prefix;
        }
        var end = content + length;
        var count = 0;
        for (var at = content; at < end;)
        {
            var rest = end - at;
            var n = (int)Math.Min(16, rest);
            ReadAt(s, at, head[..n]);
            var size = Box.ChildSize(type, head[..n], rest, out var header, out var childType);
            if (size == 0) return;
            CheckStructure(s, childType, at + header, size - header, depth + 1, head);
            at += size;
            if (++count > BmffBoxes.MaxChildren) throw new FormatException($"{type} 内子盒子过多");
        }
    }

    private static void ReadAt(Stream s, long offset, Span<byte> into)
    {
        s.Position = offset;
        if (!BoundedRead.TryReadExactly(s, into)) throw new FormatException($"偏移 {offset} 处文件意外结束（truncated）");
    }
}
