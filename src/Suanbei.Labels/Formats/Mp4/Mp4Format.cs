using System.Buffers.Binary;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>
/// MP4 / MOV / M4A (ISO BMFF and QuickTime). Reads <c>moov/udta/meta</c> and <c>moov/meta</c> QuickTime keys
/// ("mdta" AIGC + ilst item), iTunes freeform "----" AIGC items, and XMP (top-level and moov <c>uuid</c>,
/// <c>udta/XMP_</c>). Writes one placement: <c>moov/udta/meta</c> keys+ilst, as ffmpeg does with
/// <c>-movflags use_metadata_tags</c>. Only <c>moov</c> is held in memory (≤ 64 MiB); media data is streamed.
/// Copy mode with moov before the media (faststart, fragmented): every stco/co64 chunk offset of every track is shifted
/// (stco becomes co64 when a shifted offset needs 64 bits), fragment tfhd base_data_offset and tfra moof offsets too,
/// and 4 KiB of free space is left after moov for later in-place writes. In place: only the end of moov that holds
/// the label is rewritten (<see cref="MoovTail"/>), when moov is last (the file grows or shrinks) or when the free space
/// after it is enough; otherwise refused. Reading walks moov's tracks header by header and reads only that end.
/// </summary>
public sealed class Mp4Format : IContainerFormat, IContentDigest
{
    private static readonly HashSet<string> ImageBrands =
        ["mif1", "msf1", "heic", "heix", "hevc", "hevx", "heim", "heis", "avif", "avis", "avci", "miaf"];
    internal static readonly HashSet<string> FreeSpace = ["free", "skip"];
    /// <summary>Free space left after a moov that precedes the media, for later in-place relabels (propagation).</summary>
    private const int ReservedFreeSpace = 4096;

    public string Name => "mp4";
    public IReadOnlyList<string> Extensions { get; } = [".mp4", ".m4v", ".m4a", ".m4b", ".mov", ".qt", ".3gp", ".3g2"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension)
    {
        if (head.Length < 12) return false;
        var type = BmffBoxes.TypeOf(head.Slice(4, 4));
        if (type == "ftyp") return !ImageBrands.Contains(BmffBoxes.TypeOf(head.Slice(8, 4)));
        // Old QuickTime files may start directly with moov/mdat/wide/free.
        return type is "moov" or "mdat" or "wide" or "free" or "skip" && Extensions.Contains(extension);
    }

    public ContainerReadResult Read(Stream input)
    {
        var found = new List<FoundLabel>();
        try
        {
            var top = BmffBoxes.ReadChildren(input, 0, input.Length, out var error);
            foreach (var box in top)
            {
                if (box.Type == "uuid" && box.PayloadSize >= 16)
                {
                    var payload = BoundedRead.ReadAt(input, box.PayloadOffset, box.PayloadSize, IoLimits.MaxMetadataItem);
                    if (payload is not null && Mp4Metadata.XmpText(payload) is { } xmp)
                        found.AddRange(Xmp.FindAigcValues(xmp).Select(v => new FoundLabel("mp4/uuid/XMP", v)));
                }
            }
            var moovs = top.Where(b => b.Type == "moov").ToList();
            if (moovs.Count > 1) return ContainerReadResult.Damaged($"文件含 {moovs.Count} 个 moov 盒子（ambiguous）", found);
            if (moovs.Count == 0)
                return error is not null ? ContainerReadResult.Damaged(error, found)
                    : ContainerReadResult.Damaged("文件没有 moov 盒子（no moov box）", found);
            // Labels live in moov's udta/meta/uuid children only: read those, walk the rest header by header.
            var tail = LoadTail(input, moovs[0], out var moovError);
            if (tail is null) return ContainerReadResult.Damaged(moovError!, found);
            var inMoov = new List<FoundLabel>();
            Mp4Metadata.FindLabels(tail.Moov, inMoov);
            found.InsertRange(0, inMoov);
            return error is null ? new ContainerReadResult(found) : ContainerReadResult.Damaged(error, found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged("MP4 结构损坏：" + e.Message, found);
        }
    }

    /// <summary>Reads and parses the whole moov box; null, with the reason, when it is too large, truncated or damaged.
    /// Copy mode and the content digest need every track; reading labels needs only <see cref="LoadTail"/>.</summary>
    internal static Box? LoadMoov(Stream input, BoxHeader moov, out string? error)
    {
        if (!MoovReadable(input, moov, out error)) return null;
        var bytes = new byte[moov.Size];
        input.Position = moov.Offset;
        if (!BoundedRead.TryReadExactly(input, bytes)) { error = $"moov 盒子在偏移 {moov.Offset} 处被截断"; return null; }
        try { return Box.Parse("moov", bytes.AsMemory(moov.HeaderSize), 0); }
        catch (FormatException e) { error = $"moov 盒子（偏移 {moov.Offset}）损坏：{e.Message}"; return null; }
    }

    /// <summary>The part of moov labels live in (<see cref="MoovTail"/>); null, with the reason, when moov is too large,
    /// truncated or damaged — the same verdicts as <see cref="LoadMoov"/>.</summary>
    private static MoovTail? LoadTail(Stream input, BoxHeader moov, out string? error)
    {
        if (!MoovReadable(input, moov, out error)) return null;
        try { return MoovTail.Load(input, moov); }
        catch (FormatException e) { error = $"moov 盒子（偏移 {moov.Offset}）损坏：{e.Message}"; return null; }
    }

    private static bool MoovReadable(Stream input, BoxHeader moov, out string? error)
    {
        error = moov.Size > IoLimits.MaxMetadataStructure ? $"moov 盒子过大（{moov.Size} 字节），未检查"
            : moov.Offset < 0 || input.Length - moov.Offset < moov.Size ? $"moov 盒子在偏移 {moov.Offset} 处被截断"
            : null;
        return error is null;
    }

    private sealed record Plan(List<BoxHeader> Top, int MoovIndex, Box Moov, Dictionary<int, byte[]> EditedUuids);

    /// <summary>Walks the file and builds the edited moov (label replaced) for copy mode.</summary>
    private static Plan Prepare(Stream input, AigcLabel label)
    {
        var (top, moovIndex) = FindMoov(input);
        var moov = LoadMoov(input, top[moovIndex], out var moovError) ?? throw new LabelWriteException(moovError!);
        var edited = EditedUuids(input, top);
        ReplaceLabel(moov, label);
        return new Plan(top, moovIndex, moov, edited);
    }

    /// <summary>The top-level boxes and the index of the one moov; refuses damaged structure and zero or several moovs.</summary>
    private static (List<BoxHeader> Top, int MoovIndex) FindMoov(Stream input)
    {
        BoundedRead.RequireSeekable(input);
        var top = BmffBoxes.ReadChildren(input, 0, input.Length, out var error);
        if (error is not null) throw new LabelWriteException("MP4 结构损坏，未写入：" + error);
        var moovIndexes = top.Select((b, i) => (b, i)).Where(x => x.b.Type == "moov").Select(x => x.i).ToList();
        if (moovIndexes.Count != 1) throw new LabelWriteException(
            moovIndexes.Count == 0 ? "MP4 没有 moov 盒子，无法写入标识" : "MP4 含多个 moov 盒子，无法确定写入位置");
        return (top, moovIndexes[0]);
    }

    /// <summary>Top-level XMP uuid boxes holding a label, by index, with the label blanked (same size).</summary>
    private static Dictionary<int, byte[]> EditedUuids(Stream input, List<BoxHeader> top)
    {
        var edited = new Dictionary<int, byte[]>();
        for (var i = 0; i < top.Count; i++)
        {
            if (top[i].Type != "uuid" || top[i].PayloadSize < 16) continue;
            var payload = BoundedRead.ReadAt(input, top[i].PayloadOffset, top[i].PayloadSize, IoLimits.MaxMetadataItem);
            if (payload is null || Mp4Metadata.XmpText(payload) is not { } xmp || Xmp.FindAigcValues(xmp).Count == 0) continue;
            edited[i] = Mp4Metadata.BlankXmpLabels(payload);
        }
        return edited;
    }

    private static void ReplaceLabel(Box moov, AigcLabel label)
    {
        try { Mp4Metadata.ReplaceLabel(moov, label.ToJson()); }
        catch (FormatException e) { throw new LabelWriteException("MP4 元数据损坏，未写入：" + e.Message); }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var plan = Prepare(input, label);
        var old = plan.Top[plan.MoovIndex];
        var reserve = 0;
        long delta = 0;
        // Anything but free space after moov moves by the size change.
        var mediaAfter = plan.Top.Skip(plan.MoovIndex + 1).Any(b => !FreeSpace.Contains(b.Type));
        try
        {
            if (mediaAfter)
            {
                if (plan.Top.Take(plan.MoovIndex).Any(b => b.Type == "sidx"))
                    throw new LabelWriteException("sidx 位于 moov 之前，改变 moov 大小会使其失效，暂不支持");
                // Leave a free box after moov (as ffmpeg -moov_size does) so later relabels can be done in place.
                var freeAfter = plan.Top.Skip(plan.MoovIndex + 1).TakeWhile(b => FreeSpace.Contains(b.Type)).Sum(b => b.Size);
                if (freeAfter < ReservedFreeSpace) reserve = ReservedFreeSpace;
                // Shift chunk offsets (stco→co64 when one no longer fits 32 bits, which grows moov again: iterate).
                var baseDelta = plan.Moov.Size + reserve - old.Size;
                delta = baseDelta;
                for (var round = 0; round < 4; round++)
                {
                    Mp4Metadata.ShiftChunkOffsets(plan.Moov, old.End, delta, dryRunConversions: true, out var growth);
                    if (baseDelta + growth == delta) break;
                    delta = baseDelta + growth;
                }
                Mp4Metadata.ShiftChunkOffsets(plan.Moov, old.End, delta, dryRunConversions: false, out _);
                if (plan.Moov.Size + reserve - old.Size != delta) throw new LabelWriteException("块偏移重写未收敛（chunk offsets did not converge）");
            }
        }
        catch (FormatException e) { throw new LabelWriteException("MP4 块偏移表损坏，未写入：" + e.Message); }

        for (var i = 0; i < plan.Top.Count; i++)
        {
            var box = plan.Top[i];
            if (i == plan.MoovIndex)
            {
                plan.Moov.WriteTo(output);
                if (reserve > 0)
                {
                    IntegerWrites.WriteU32BE(output, (uint)reserve); output.Write("free"u8); output.Write(
                    new byte[reserve - 8]);
                }
            }
            else if (plan.EditedUuids.TryGetValue(i, out var payload))
            {
                RangeCopy.CopyRange(input, box.Offset, box.HeaderSize, output);
                output.Write(payload);
            }
            else if (delta != 0 && i > plan.MoovIndex && box.Type is "moof" or "mfra")
            {
                // Fragment boxes are small; patch their absolute offsets in memory.
                var bytes = BoundedRead.ReadAt(input, box.Offset, box.Size) ?? throw new LabelWriteException($"{box.Type} 盒子过大或被截断");
                try
                {
                    if (box.Type == "moof") Mp4Fragments.ShiftMoof(bytes, old.End, delta);
                    else Mp4Fragments.ShiftMfra(bytes, old.End, delta);
                }
                catch (FormatException e) { throw new LabelWriteException($"MP4 {box.Type} 损坏，未写入：{e.Message}"); }
                output.Write(bytes);
            }
            else RangeCopy.CopyRange(input, box.Offset, box.Size, output);
        }
    }

    /// <summary>Rewrites only the end of moov that the label changes (<see cref="MoovTail"/>): moov's size field,
    /// and the ranges of the tail that differ — for a file ffmpeg wrote, udta's size field and the label's bytes at
    /// moov's end. Nothing before the tail moves, so chunk offsets stay valid when moov is last (the file grows or
    /// shrinks) or when the free space after it holds the change; otherwise refused before anything is written.</summary>
    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (top, moovIndex) = FindMoov(file);
        var old = top[moovIndex];
        var tail = LoadTail(file, old, out var moovError) ?? throw new LabelWriteException(moovError!);
        var edited = EditedUuids(file, top);
        // The undo log keeps the bytes each write covers; told what they are (just read), it need not read them again.
        var undo = file as UndoLogFileStream;
        ReplaceLabel(tail.Moov, label);
        var newTail = tail.NewBytes();
        var length = tail.Offset - old.Offset + newTail.Length;
        if (length > IoLimits.MaxMetadataStructure) throw new LabelWriteException($"新的 moov 盒子过大（{length} 字节），未写入");
        var following = top.Skip(moovIndex + 1).ToList();
        var freeAfter = following.TakeWhile(b => FreeSpace.Contains(b.Type)).ToList();
        var available = old.Size + freeAfter.Sum(b => b.Size);
        bool truncateAfter = freeAfter.Count == following.Count; // moov (and free space) is last: the file may grow or shrink
        var rest = available - length;
        if (!truncateAfter && rest != 0 && (rest < 8 || rest > uint.MaxValue))
            throw new LabelWriteException(rest < 0
                ? $"moov 之后没有足够的空闲空间（需要 {length} 字节，可用 {available} 字节），请使用复制模式"
                : "moov 之后的剩余空间不足以放置 free 盒子，请使用复制模式");

        foreach (var (index, payload) in edited)
        {
            file.Position = top[index].PayloadOffset;
            file.Write(payload, 0, payload.Length);
        }
        // A size of 0 ("to the end of the file") stays true: moov is last and the file ends where moov now does.
        if (length != old.Size && !old.ToEnd)
        {
            // The size field: the low 4 bytes of the 64-bit value for a 32-bit header, all 8 after "size 1" for a 64-bit one.
            var width = old.HeaderSize == 16 ? 8 : 4;
            var at = old.HeaderSize == 16 ? old.Offset + 8 : old.Offset;
            var was = new byte[8];
            var size = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(was, (ulong)old.Size);
            BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)length);
            undo?.Remember(at, was.AsMemory(8 - width));
            file.Position = at;
            file.Write(size, 8 - width, width);
        }
        foreach (var (start, end) in MoovTail.ChangedRanges(tail.Bytes, newTail))
        {
            if (start < tail.Bytes.Length) undo?.Remember(tail.Offset + start, tail.Bytes.AsMemory(start));
            file.Position = tail.Offset + start;
            file.Write(newTail, start, end - start);
        }
        var newEnd = old.Offset + length;
        if (truncateAfter)
        {
            if (newTail.Length < tail.Bytes.Length) undo?.Remember(newEnd, tail.Bytes.AsMemory(newTail.Length));
            file.SetLength(newEnd);
        }
        else if (rest > 0)
        {
            var free = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(free, (uint)rest);
            "free"u8.CopyTo(free.AsSpan(4));
            file.Position = newEnd;
            file.Write(free, 0, free.Length);
        }
        file.Flush(flushToDisk: false);
    }

    public void WriteContentForHash(Stream input, Stream output) => Mp4Digest.WriteContent(input, output);
}
