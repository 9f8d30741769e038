using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mkv;

/// <summary>
/// Matroska / WebM: the label is a SimpleTag with TagName <c>AIGC</c> and TagString holding the JSON, in a global Tag
/// (empty Targets) of a Tags element — what <c>ffmpeg -metadata AIGC=…</c> writes. Writing:
/// <list type="number">
/// <item>AIGC SimpleTags are removed from every Tags element; the element keeps its size (Void fills the rest), or
/// becomes one Void when nothing else was in it — so nothing after it moves;</item>
/// <item>a new Tags element is placed in the first Void before the first Cluster that can hold it (in place possible),
/// otherwise inserted right before the first Cluster (readers parse everything before the clusters);</item>
/// <item>when bytes are inserted, SeekHead positions and Cues cluster positions are rewritten (CRC-32 dropped from the
/// rewritten elements); clusters are copied through untouched.</item>
/// </list>
/// </summary>
public sealed class MkvFormat : IContainerFormat, IContentDigest
{
    public string Name => "mkv";
    public IReadOnlyList<string> Extensions { get; } = [".mkv", ".webm", ".mka", ".mk3d"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3;

    private sealed record Outline(EbmlHeader Segment, long SegmentEnd, List<EbmlHeader> Level1, string? Error);

    private static Outline? Walk(Stream s, out string? error)
    {
        error = null;
        var top = new List<EbmlHeader>();
        if (!Ebml.TryReadHeader(s, 0, s.Length, out var id, out var hs, out var size) || id != Ebml.EbmlMagic || size is null)
        { error = "不是 EBML 文件或 EBML 头损坏"; return null; }
        var offset = hs + size.Value;
        if (!Ebml.TryReadHeader(s, offset, s.Length, out id, out hs, out size) || id != Ebml.Segment)
        { error = "EBML 头之后没有 Segment（damaged）"; return null; }
        var segmentEnd = size is { } known ? offset + hs + known : s.Length;
        string? walkError = null;
        if (segmentEnd > s.Length) { walkError = $"Segment 大小超出文件长度（truncated）"; segmentEnd = s.Length; }
        var segment = new EbmlHeader(id, offset, hs, size, segmentEnd);
        var level1 = Ebml.Walk(s, segment.DataOffset, segmentEnd, out var e);
        return new Outline(segment, segmentEnd, level1, walkError ?? e);
    }

    public ContainerReadResult Read(Stream input)
    {
        var found = new List<FoundLabel>();
        try
        {
            var outline = Walk(input, out var error);
            if (outline is null) return ContainerReadResult.Damaged(error!);
            foreach (var tags in outline.Level1.Where(h => h.Id == Ebml.Tags))
            {
                var element = Load(input, tags, out var loadError);
                if (element is null) return ContainerReadResult.Damaged(loadError!, found);
                foreach (var tag in element.All(Ebml.Tag))
                    foreach (var value in LabelValues(tag)) found.Add(new FoundLabel("mkv/Tags/SimpleTag/AIGC", value));
            }
            return outline.Error is null ? new ContainerReadResult(found) : ContainerReadResult.Damaged(outline.Error, found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged("MKV 结构损坏：" + e.Message, found);
        }
    }

    private static EbmlElement? Load(Stream s, EbmlHeader h, out string? error)
    {
        error = null;
        if (h.Size is null) { error = $"偏移 {h.Offset} 处元素 0x{h.Id:X} 大小未知"; return null; }
        var data = BoundedRead.ReadAt(s, h.DataOffset, h.Size.Value);
        if (data is null) { error = $"偏移 {h.Offset} 处元素 0x{h.Id:X} 过大或被截断"; return null; }
        try { return Ebml.Parse(h.Id, data); }
        catch (FormatException e) { error = $"偏移 {h.Offset} 处元素 0x{h.Id:X} 损坏：{e.Message}"; return null; }
    }

    private static bool IsLabel(EbmlElement simpleTag) =>
        simpleTag.First(Ebml.TagName) is { } name && AigcKey.Matches(name.Text());

    private static IEnumerable<string> LabelValues(EbmlElement parent)
    {
        foreach (var simple in parent.All(Ebml.SimpleTag))
        {
            if (IsLabel(simple) && simple.First(Ebml.TagString) is { } value) yield return value.Text();
            foreach (var nested in LabelValues(simple)) yield return nested;
        }
    }

    /// <summary>Removes AIGC SimpleTags (nested ones too); true when something was removed.</summary>
    private static bool RemoveLabels(EbmlElement parent)
    {
        var removed = parent.Children!.RemoveAll(c => c.Id == Ebml.SimpleTag && IsLabel(c)) > 0;
        foreach (var simple in parent.All(Ebml.SimpleTag).ToList()) removed |= RemoveLabels(simple);
        return removed;
    }

    private static byte[] NewTags(AigcLabel label) =>
        new EbmlElement(Ebml.Tags, null,
        [
            new EbmlElement(Ebml.Tag, null,
            [
                new EbmlElement(Ebml.Targets, null, []),
                new EbmlElement(Ebml.SimpleTag, null,
                [
                    new EbmlElement(Ebml.TagName, Encoding.UTF8.GetBytes(AigcKey.Name), null),
                    new EbmlElement(Ebml.TagString, Encoding.UTF8.GetBytes(label.ToJson()), null),
                ]),
            ]),
        ]).ToBytes();

    /// <summary>One piece of the new segment: a level-1 element copied from the input, or new bytes.
    /// <see cref="Old"/> is the element it replaces/copies (for position mapping and in-place writes).</summary>
    private sealed class Item
    {
        public EbmlHeader? Old { get; init; }
        public byte[]? Bytes { get; set; }
        public EbmlElement? Tree { get; init; }      // SeekHead / Cues, rebuilt when positions move
        public bool IsVoid { get; set; }
        public bool IsNewTags { get; init; }
        public long Length => Bytes?.LongLength ?? Old!.Value.TotalSize;
    }

    /// <summary><paramref name="element"/> serialised to exactly <paramref name="total"/> bytes (Void after it), or null
    /// when it does not fit.</summary>
    private static byte[]? Padded(EbmlElement element, long total)
    {
        var bytes = element.ToBytes();
        if (bytes.Length == total) return bytes;
        if (bytes.Length + 2 <= total) return [.. bytes, .. Ebml.VoidOf(total - bytes.Length)];
        if (bytes.Length + 1 == total) return element.ToBytes(Ebml.SizeLength(element.DataSize) + 1);
        return null;
    }

    private static List<Item> Plan(Stream input, Outline outline, AigcLabel label)
    {
        var items = new List<Item>();
        foreach (var h in outline.Level1)
        {
            if (h.Id is Ebml.SeekHead or Ebml.Cues)
            {
                var tree = Load(input, h, out var error) ?? throw new LabelWriteException("MKV 结构损坏，未写入：" + error);
                items.Add(new Item { Old = h, Tree = tree });
            }
            else if (h.Id == Ebml.Tags)
            {
                var tags = Load(input, h, out var error) ?? throw new LabelWriteException("MKV 结构损坏，未写入：" + error);
                var changed = false;
                foreach (var tag in tags.All(Ebml.Tag)) changed |= RemoveLabels(tag);
                if (!changed) { items.Add(new Item { Old = h }); continue; }
                tags.Children!.RemoveAll(c => c.Id == Ebml.Crc32 || (c.Id == Ebml.Tag && !c.All(Ebml.SimpleTag).Any()));
                if (tags.Children.Count == 0) items.Add(new Item { Old = h, Bytes = Ebml.VoidOf(h.TotalSize), IsVoid = true });
                else items.Add(new Item { Old = h, Bytes = Padded(tags, h.TotalSize) ?? tags.ToBytes() });
            }
            else items.Add(new Item { Old = h, IsVoid = h.Id == Ebml.Void });
        }

        var newTags = NewTags(label);
        var firstCluster = items.FindIndex(i => i.Old?.Id == Ebml.Cluster);
        var limit = firstCluster < 0 ? items.Count : firstCluster;
        var host = items.Take(limit).ToList().FindIndex(i => i.IsVoid && (i.Length == newTags.Length || i.Length >= newTags.Length + 2));
        if (host >= 0)
        {
            var rest = items[host].Length - newTags.Length;
            var old = items[host].Old;
            items[host] = new Item { Old = old, Bytes = rest == 0 ? newTags : [.. newTags, .. Ebml.VoidOf(rest)], IsNewTags = true };
        }
        else items.Insert(limit, new Item { Bytes = newTags, IsNewTags = true });
        return items;
    }

    /// <summary>Lays the items out, rewriting SeekHead/Cues positions until their sizes settle.</summary>
    private static void Settle(List<Item> items, Outline outline)
    {
        var dataStart = outline.Segment.DataOffset;
        for (var round = 0; round < 12; round++)
        {
            var starts = new List<long>(items.Count);
            long position = 0;
            foreach (var item in items) { starts.Add(position); position += item.Length; }
            var newTagsAt = starts[items.FindIndex(i => i.IsNewTags)];

            // Old segment-relative position → new one. Positions that pointed at a removed Tags go to the new Tags.
            // Items that stand for an input element, in file order: binary search instead of a scan per position
            // (a long film has thousands of clusters and cue points).
            var mapped = Enumerable.Range(0, items.Count).Where(i => items[i].Old is not null).ToArray();
            var oldStarts = mapped.Select(i => items[i].Old!.Value.Offset - dataStart).ToArray();
            long Map(long old, bool isTagsTarget)
            {
                var k = Array.BinarySearch(oldStarts, old);
                if (k < 0) k = ~k - 1;
                if (k >= 0)
                {
                    var i = mapped[k];
                    var start = oldStarts[k];
                    if (old < start + items[i].Old!.Value.TotalSize)
                    {
                        if (isTagsTarget && (items[i].IsVoid || items[i].IsNewTags) && old == start) return newTagsAt;
                        return starts[i] + (old - start);
                    }
                }
                return old + (position - (outline.SegmentEnd - dataStart)); // past the end: shift with the end
            }

            var lengthsBefore = items.Select(i => i.Length).ToList();
            foreach (var item in items.Where(i => i.Tree is not null))
            {
                var tree = Ebml.Parse(item.Tree!.Id, item.Tree.ToBytes()
                    .AsSpan(Ebml.IdLength(item.Tree.Id) + Ebml.SizeLength(item.Tree.DataSize)));
                var moved = false;
                void Rewrite(EbmlElement e, bool isTags)
                {
                    var old = (long)e.UInt();
                    var now = Map(old, isTags);
                    if (now != old) { e.Data = Ebml.UIntBytes((ulong)now); moved = true; }
                }
                tree.Children!.RemoveAll(c => c.Id == Ebml.Crc32);
                foreach (var seek in tree.All(Ebml.Seek))
                {
                    var isTags = seek.First(Ebml.SeekId)?.UInt() == Ebml.Tags;
                    if (seek.First(Ebml.SeekPosition) is { } p) Rewrite(p, isTags);
                }
                foreach (var point in tree.All(Ebml.CuePoint))
                    foreach (var track in point.All(Ebml.CueTrackPositions))
                    {
                        if (track.First(Ebml.CueClusterPosition) is { } p) Rewrite(p, false);
                        if (track.First(Ebml.CueCodecState) is { } c && c.UInt() != 0) Rewrite(c, false);
                        foreach (var reference in track.All(Ebml.CueReference))
                            if (reference.First(Ebml.CueRefCluster) is { } r) Rewrite(r, false);
                    }
                item.Bytes = moved ? Padded(tree, item.Old!.Value.TotalSize) ?? tree.ToBytes() : null;
            }
            if (items.Select(i => i.Length).SequenceEqual(lengthsBefore)) return;
        }
        throw new LabelWriteException("MKV 位置重写未收敛（positions did not converge）");
    }

    private (Outline Outline, List<Item> Items) Prepare(Stream input, AigcLabel label)
    {
        BoundedRead.RequireSeekable(input);
        var outline = Walk(input, out var error) ?? throw new LabelWriteException("MKV 结构损坏，未写入：" + error);
        if (outline.Error is not null) throw new LabelWriteException("MKV 结构损坏，未写入：" + outline.Error);
        try
        {
            var items = Plan(input, outline, label);
            Settle(items, outline);
            return (outline, items);
        }
        catch (FormatException e) { throw new LabelWriteException("MKV 结构损坏，未写入：" + e.Message); }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (outline, items) = Prepare(input, label);
        RangeCopy.CopyRange(input, 0, outline.Segment.Offset, output); // EBML header
        Ebml.WriteId(output, Ebml.Segment);
        var total = items.Sum(i => i.Length);
        if (outline.Segment.Size is null) output.Write([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]); // stays unknown
        else Ebml.WriteSize(output, total, 8);
        foreach (var item in items)
        {
            if (item.Bytes is not null) output.Write(item.Bytes);
            else RangeCopy.CopyRange(input, item.Old!.Value.Offset, item.Old.Value.TotalSize, output);
        }
        if (input.Length > outline.SegmentEnd) RangeCopy.CopyToEnd(input, outline.SegmentEnd, output);
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (outline, items) = Prepare(file, label);
        long position = outline.Segment.DataOffset;
        foreach (var item in items)
        {
            if (item.Old is not { } h || h.Offset != position || item.Length != h.TotalSize)
                throw new LabelWriteException("MKV 中没有足够的 Void 空间容纳标识，无法就地写入，请使用复制模式");
            position += item.Length;
        }
        foreach (var item in items.Where(i => i.Bytes is not null))
        {
            file.Position = item.Old!.Value.Offset;
            file.Write(item.Bytes);
        }
        file.Flush(flushToDisk: false);
    }

    /// <summary>The signed content: the EBML header, then every level-1 element of the Segment in file order (header and
    /// data as stored) except Tags (where the label lives), Void (free space the label is written into) and SeekHead and
    /// Cues (indexes of positions that move when the label grows), then any bytes after the Segment. The Segment's own
    /// header (its size changes) is left out. Clusters, Info, Tracks, Chapters and Attachments are covered.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        BoundedRead.RequireSeekable(input);
        var outline = Walk(input, out var error) ?? throw new LabelWriteException("MKV 结构损坏：" + error);
        if (outline.Error is not null) throw new LabelWriteException("MKV 结构损坏：" + outline.Error);
        RangeCopy.CopyRange(input, 0, outline.Segment.Offset, output);
        foreach (var h in outline.Level1)
            if (h.Id is not (Ebml.Tags or Ebml.Void or Ebml.SeekHead or Ebml.Cues))
                RangeCopy.CopyRange(input, h.Offset, h.TotalSize, output);
        if (input.Length > outline.SegmentEnd) RangeCopy.CopyToEnd(input, outline.SegmentEnd, output);
    }
}
