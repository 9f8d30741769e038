using System.Buffers.Binary;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>
/// The bytes a signature covers in an MP4/MOV (<see cref="IContentDigest"/>). Writing a label rewrites <c>moov</c>,
/// adds or consumes <c>free</c> space after it and, when moov precedes the media, moves everything after it and
/// rewrites every absolute offset into it (stco/co64 chunk offsets, stco possibly widened to co64, tfhd
/// base_data_offset, tfra moof offsets). So offsets are hashed as <em>normalized positions</em>: the position in the
/// file with every top-level moov, free and skip box removed — a number relabelling never changes, while any change of
/// where a chunk points still changes the digest.
/// <list type="number">
/// <item>Top-level boxes in file order, header and payload as stored, except free/skip (left out), moov (canonical form
/// below), moof/mfra (offsets normalized) and XMP uuid boxes (AIGC properties blanked, as the writer does).</item>
/// <item>Canonical moov: the parsed tree re-serialized without moov/meta and moov/udta/meta (label metadata), with
/// XMP in moov/uuid and udta/XMP_ blanked, an emptied udta dropped, and every stco/co64 written as co64 of normalized
/// offsets. Track headers, sample tables and edit lists are covered.</item>
/// </list>
/// </summary>
internal static class Mp4Digest
{
    public static void WriteContent(Stream input, Stream output)
    {
        BoundedRead.RequireSeekable(input);
        var top = BmffBoxes.ReadChildren(input, 0, input.Length, out var error);
        if (error is not null) throw new LabelWriteException("MP4 结构损坏：" + error);
        var moovs = top.Where(b => b.Type == "moov").ToList();
        if (moovs.Count != 1) throw new LabelWriteException(moovs.Count == 0 ? "MP4 没有 moov 盒子" : "MP4 含多个 moov 盒子");
        var normalize = Normalizer(top);
        try
        {
            foreach (var box in top)
            {
                if (Mp4Format.FreeSpace.Contains(box.Type)) continue;
                if (box.Type == "moov")
                {
                    var moov = Mp4Format.LoadMoov(input, box, out var moovError) ?? throw new LabelWriteException(moovError!);
                    Canonicalize(moov, normalize);
                    moov.WriteTo(output);
                }
                else if (box.Type is "moof" or "mfra")
                {
                    var bytes = BoundedRead.ReadAt(input, box.Offset, box.Size) ?? throw new LabelWriteException($"{box.Type} 盒子过大或被截断");
                    if (box.Type == "moof") Mp4Fragments.MapMoof(bytes, normalize);
                    else Mp4Fragments.MapMfra(bytes, normalize);
                    output.Write(bytes);
                }
                else if (box.Type == "uuid" && box.PayloadSize >= 16
                         && BoundedRead.ReadAt(input, box.PayloadOffset, box.PayloadSize, IoLimits.MaxMetadataItem) is { } payload
                         && Mp4Metadata.XmpText(payload) is not null)
                {
                    RangeCopy.CopyRange(input, box.Offset, box.HeaderSize, output);
                    output.Write(Mp4Metadata.BlankXmpLabels(payload));
                }
                else RangeCopy.CopyRange(input, box.Offset, box.Size, output);
            }
        }
        catch (FormatException e) { throw new LabelWriteException("MP4 结构损坏：" + e.Message); }
    }

    /// <summary>Absolute offset → position in the file without its top-level moov/free/skip boxes. An offset inside
    /// one of them maps to where that box stood.</summary>
    private static Func<long, long> Normalizer(List<BoxHeader> top)
    {
        var removed = top.Where(b => b.Type == "moov" || Mp4Format.FreeSpace.Contains(b.Type)).ToArray();
        var starts = removed.Select(b => b.Offset).ToArray();
        var before = new long[removed.Length + 1]; // bytes removed before removed[i]
        for (var i = 0; i < removed.Length; i++) before[i + 1] = before[i] + removed[i].Size;
        return offset =>
        {
            var k = Array.BinarySearch(starts, offset);
            if (k < 0) k = ~k - 1;
            if (k < 0) return offset;
            var box = removed[k];
            return offset < box.End ? box.Offset - before[k] : offset - before[k + 1];
        };
    }

    private static void Canonicalize(Box moov, Func<long, long> normalize)
    {
        moov.UseSmallestHeaders();
        var children = moov.Children!;
        children.RemoveAll(c => c.Type == "meta");
        foreach (var uuid in children.Where(c => c.Type == "uuid" && Mp4Metadata.XmpText(c.Payload!) is not null))
            uuid.Payload = Mp4Metadata.BlankXmpLabels(uuid.Payload!);
        foreach (var udta in children.Where(c => c.Type == "udta"))
        {
            udta.Children!.RemoveAll(c => c.Type == "meta");
            foreach (var xmp in udta.ChildrenOf("XMP_")) xmp.Payload = Mp4Metadata.BlankXmpLabels(xmp.Payload!);
        }
        children.RemoveAll(c => c.Type == "udta" && c.Children!.Count == 0);

        foreach (var (tables, i, box, count) in Mp4Metadata.ChunkOffsetTables(moov))
        {
            var p = box.Payload!;
            var width = box.Type == "stco" ? 4 : 8;
            var wide = new byte[8 + 8L * count];
            p.AsSpan(0, 8).CopyTo(wide);
            for (var k = 0; k < count; k++)
            {
                var o = width == 4 ? BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(8 + 4 * k))
                    : (long)BinaryPrimitives.ReadUInt64BigEndian(p.AsSpan(8 + 8 * k));
                BinaryPrimitives.WriteUInt64BigEndian(wide.AsSpan(8 + 8 * k), (ulong)normalize(o));
            }
            tables[i] = new Box("co64", wide);
        }
    }
}
