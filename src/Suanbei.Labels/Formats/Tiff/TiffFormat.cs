using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Tiff;

/// <summary>
/// TIFF (both byte orders; BigTIFF is reported inconclusive). Reads IFD0 tag 0x02BC (XMP) and an EXIF UserComment
/// label. Writes without moving any pixel. An existing XMP entry in IFD0 is patched in place: the new packet overwrites
/// the old value area when it fits (the rest zeroed), otherwise it is appended and the old area zeroed, so no copy of
/// the old label remains. Without an XMP entry, the packet and a rewritten IFD0 (same entries plus XMP) are appended
/// and the header's IFD0 offset is patched. An EXIF UserComment label is blanked in place. The same update works in place.
/// </summary>
public sealed class TiffFormat : IContainerFormat, IContentDigest
{
    public string Name => "tiff";
    public IReadOnlyList<string> Extensions { get; } = [".tif", ".tiff"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.Length >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[3] == 0 && head[2] is 42 or 43) ||
                             (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] is 42 or 43));

    private sealed record Layout(bool BigEndian, uint Ifd0, List<IfdEntry> Entries, uint NextIfd, string? Xmp, IfdEntry? UserComment,
        string? UserCommentText);

    private static Layout? Parse(Stream s, out string? damage)
    {
        damage = null;
        s.Position = 0;
        Span<byte> h = stackalloc byte[4];
        if (BoundedRead.TryReadExactly(s, h) && (h[2] == 43 || h[3] == 43)) { damage = "BigTIFF 暂不支持"; return null; }
        if (!TiffIfd.TryReadHeader(s, 0, out var be, out var ifd0)) { damage = "TIFF 头无效"; return null; }
        var entries = TiffIfd.TryReadIfd(s, 0, ifd0, be, out var next, out var bad);
        if (entries is null) { damage = "TIFF IFD0 无效：" + bad; return null; }
        string? xmp = null;
        if (entries.FirstOrDefault(e => e.Tag == TiffIfd.XmpTag) is { } xe)
        {
            var bytes = TiffIfd.TryReadValue(s, 0, xe);
            if (bytes is null) { damage = "TIFF XMP 标签超出范围"; return null; }
            xmp = Encoding.UTF8.GetString(bytes);
        }
        var (text, uc, ucDamage) = TiffIfd.FindUserComment(s, 0);
        if (ucDamage is not null) { damage = "TIFF " + ucDamage; return null; }
        return new Layout(be, ifd0, entries, next, xmp, uc, text);
    }

    private static List<FoundLabel> Labels(Layout l)
    {
        var found = new List<FoundLabel>();
        if (l.Xmp is not null) found.AddRange(Xmp.FindAigcValues(l.Xmp).Select(v => new FoundLabel("tiff/IFD0/XMP", v)));
        if (AigcKey.IsLabelComment(l.UserCommentText)) found.Add(new FoundLabel("tiff/Exif/UserComment", l.UserCommentText!));
        return found;
    }

    public ContainerReadResult Read(Stream input)
    {
        var layout = Parse(input, out var damage);
        return layout is null ? ContainerReadResult.Damaged(damage!) : new ContainerReadResult(Labels(layout));
    }

    /// <summary>Patches to existing bytes (in the order an in-place write applies them) and the bytes to append (at
    /// the current end of the file). An existing XMP entry is repointed in place and its old value area is reused
    /// (new packet, then zeros) or zeroed, so the old label leaves no bytes behind; without one, the XMP packet and a
    /// rewritten IFD0 are appended and the header repointed (the old IFD0 carried no label).</summary>
    private static (List<(long Offset, byte[] Bytes)> Patches, byte[] Appended) Plan(Stream s, AigcLabel label)
    {
        var l = Parse(s, out var damage) ?? throw new LabelWriteException("TIFF 文件损坏，未写入：" + damage);
        var be = l.BigEndian;
        var length = s.Length;
        var xmp = Encoding.UTF8.GetBytes(Xmp.Merge(l.Xmp, label));
        var appended = new MemoryStream();
        var patches = new List<(long, byte[])>();
        // Old labels are blanked last, so an interrupted in-place write never leaves the file without a label.
        (long, byte[])? blankUserComment = l.UserComment is { } uc && AigcKey.IsLabelComment(l.UserCommentText)
            ? (uc.ValuePosition(0), new byte[uc.ByteCount]) : null; // the EXIF IFD keeps pointing at the zeros

        if (l.Entries.FirstOrDefault(e => e.Tag == TiffIfd.XmpTag) is { } old)
        {
            var entry = new byte[10]; // type, count, offset of the existing XMP entry
            TiffIfd.W16(entry, 1, be); // BYTE
            TiffIfd.W32(entry.AsSpan(2), (uint)xmp.Length, be);
            var outOfLine = old.ByteCount > 4;
            if (outOfLine) EnsureOwnArea(s, l, old);
            if (outOfLine && xmp.Length <= old.ByteCount)
            {
                // Reuse: the new packet over the old one, the rest zeroed; then the count.
                var area = new byte[old.ByteCount];
                xmp.CopyTo(area, 0);
                patches.Add((old.ValuePosition(0), area));
                TiffIfd.W32(entry.AsSpan(6), old.ValueOrOffset, be);
                patches.Add((old.EntryPosition + 2, entry));
            }
            else
            {
                // Grow: the packet appended, the entry repointed, then the old packet zeroed.
                if ((length & 1) != 0) appended.WriteByte(0);
                var xmpOffset = length + appended.Length;
                if (xmpOffset + xmp.Length > uint.MaxValue) throw new LabelWriteException("TIFF 文件过大（超过 4 GB），不能追加");
                appended.Write(xmp);
                TiffIfd.W32(entry.AsSpan(6), (uint)xmpOffset, be);
                patches.Add((old.EntryPosition + 2, entry));
                if (outOfLine) patches.Add((old.ValuePosition(0), new byte[old.ByteCount]));
            }
            if (blankUserComment is { } b1) patches.Add(b1);
            return (patches, appended.ToArray());
        }

        if ((length & 1) != 0) appended.WriteByte(0);
        var newXmpOffset = length + appended.Length;
        appended.Write(xmp);
        if ((appended.Length & 1) != 0) appended.WriteByte(0);
        var ifdOffset = length + appended.Length;
        if (ifdOffset + 6 + 12L * (l.Entries.Count + 1) > uint.MaxValue) throw new LabelWriteException("TIFF 文件过大（超过 4 GB），不能追加");

        var raw = new List<(ushort Tag, byte[] Bytes)>();
        foreach (var e in l.Entries)
        {
            var b = new byte[12];
            s.Position = e.EntryPosition;
            BoundedRead.TryReadExactly(s, b);
            raw.Add((e.Tag, b));
        }
        var xe = new byte[12];
        TiffIfd.W16(xe, TiffIfd.XmpTag, be);
        TiffIfd.W16(xe.AsSpan(2), 1, be); // BYTE
        TiffIfd.W32(xe.AsSpan(4), (uint)xmp.Length, be);
        TiffIfd.W32(xe.AsSpan(8), (uint)newXmpOffset, be);
        raw.Add((TiffIfd.XmpTag, xe));
        var ifd = new byte[2 + 12 * raw.Count + 4];
        TiffIfd.W16(ifd, (ushort)raw.Count, be);
        var i = 0;
        foreach (var (_, b) in raw.OrderBy(r => r.Tag)) b.CopyTo(ifd, 2 + 12 * i++);
        TiffIfd.W32(ifd.AsSpan(2 + 12 * raw.Count), l.NextIfd, be);
        appended.Write(ifd);

        // The header offset last: until it is patched, readers still see the old, complete IFD0.
        var header = new byte[4];
        TiffIfd.W32(header, (uint)ifdOffset, be);
        patches.Add((4, header));
        if (blankUserComment is { } b2) patches.Add(b2);
        return (patches, appended.ToArray());
    }

    /// <summary>Refuses to reuse or zero an XMP value area that overlaps the header, IFD0, another IFD0 value or the
    /// image data (a crafted file could point XMP at pixels).</summary>
    private static void EnsureOwnArea(Stream s, Layout l, IfdEntry xmp)
    {
        var start = xmp.ValuePosition(0);
        var end = start + xmp.ByteCount;
        var others = new List<(long Start, long End)> { (0, 8), (l.Ifd0, l.Ifd0 + 2 + 12L * l.Entries.Count + 4) };
        others.AddRange(l.Entries.Where(e => e.Tag != TiffIfd.XmpTag && e.ByteCount > 4)
            .Select(e => (e.ValuePosition(0), e.ValuePosition(0) + e.ByteCount)));
        foreach (var (offsetsTag, countsTag) in new[] { ((ushort)273, (ushort)279), ((ushort)324, (ushort)325) })
        {
            var offsets = Values(s, l, offsetsTag);
            var counts = Values(s, l, countsTag);
            for (var k = 0; k < Math.Min(offsets.Count, counts.Count); k++) others.Add((offsets[k], offsets[k] + counts[k]));
        }
        if (others.Any(o => o.Start < end && start < o.End))
            throw new LabelWriteException("TIFF 的 XMP 数据与文件头、IFD0、其他标签或图像数据重叠，未写入");
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (patches, appended) = Plan(input, label);
        long at = 0;
        foreach (var (offset, bytes) in patches.OrderBy(p => p.Offset))
        {
            if (offset < at) throw new LabelWriteException("TIFF 标签数据相互重叠，未写入");
            input.Position = at;
            RangeCopy.CopyExactly(input, output, offset - at);
            output.Write(bytes);
            at = offset + bytes.Length;
        }
        input.Position = at;
        RangeCopy.CopyToEnd(input, input.Position, output);
        output.Write(appended);
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (patches, appended) = Plan(file, label);
        var sorted = patches.OrderBy(p => p.Offset).ToList();
        for (var k = 1; k < sorted.Count; k++)
            if (sorted[k].Offset < sorted[k - 1].Offset + sorted[k - 1].Bytes.Length) throw new LabelWriteException("TIFF 标签数据相互重叠，未写入");
        file.Seek(0, SeekOrigin.End);
        file.Write(appended);
        file.Flush(flushToDisk: true);
        // In plan order: the pointer that makes the new packet current before any old label is zeroed.
        foreach (var (offset, bytes) in patches)
        {
            file.Position = offset;
            file.Write(bytes);
        }
    }

    /// <summary>Signature content: the byte-order mark, then every IFD0 entry except XMP (0x02BC) in tag order as
    /// tag, type, count and its resolved value bytes, then the image data of every strip or tile (StripOffsets/
    /// StripByteCounts or TileOffsets/TileByteCounts) in order. Appending a new IFD0 does not change it.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var l = Parse(input, out var damage) ?? throw new LabelWriteException("TIFF 文件损坏：" + damage);
        output.Write(l.BigEndian ? "MM"u8 : "II"u8);
        Span<byte> b = stackalloc byte[8];
        foreach (var e in l.Entries.Where(e => e.Tag != TiffIfd.XmpTag).OrderBy(e => e.Tag))
        {
            TiffIfd.W16(b, e.Tag, true); TiffIfd.W16(b[2..], e.Type, true); TiffIfd.W32(b[4..], e.Count, true);
            output.Write(b);
            output.Write(TiffIfd.TryReadValue(input, 0, e) ?? throw new LabelWriteException($"TIFF 标签 {e.Tag} 超出范围"));
        }
        foreach (var (offsetsTag, countsTag) in new[] { ((ushort)273, (ushort)279), ((ushort)324, (ushort)325) })
        {
            var offsets = Values(input, l, offsetsTag);
            var counts = Values(input, l, countsTag);
            for (var k = 0; k < Math.Min(offsets.Count, counts.Count); k++)
            {
                if (offsets[k] + counts[k] > input.Length) throw new LabelWriteException("TIFF 图像数据超出文件末尾");
                input.Position = offsets[k];
                RangeCopy.CopyExactly(input, output, counts[k]);
            }
        }
    }

    private static List<long> Values(Stream s, Layout l, ushort tag)
    {
        var e = l.Entries.FirstOrDefault(x => x.Tag == tag);
        if (e is null || e.Type is not (3 or 4)) return [];
        var bytes = TiffIfd.TryReadValue(s, 0, e) ?? throw new LabelWriteException($"TIFF 标签 {tag} 超出范围");
        var size = e.Type == 3 ? 2 : 4;
        var list = new List<long>();
        for (var i = 0; i + size <= bytes.Length; i += size)
            list.Add(size == 2 ? TiffIfd.U16(bytes.AsSpan(i), l.BigEndian) : TiffIfd.U32(bytes.AsSpan(i), l.BigEndian));
        return list;
    }
}
