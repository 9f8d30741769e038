using System.Buffers;
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
/// and 4 KiB of free space is left after moov for later in-place writes. In place: moov rewritten where it is when it
/// is last (the file grows or shrinks) or when the free space after it is enough; otherwise refused.
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
            // Read into a pooled buffer: nothing read from it outlives this call (labels are copied out as strings),
            // and the read-back after an in-place write reuses the buffer the new moov was built in.
            var bytes = RentMoovBuffer(moovs[0]);
            try
            {
                var moov = LoadMoov(input, moovs[0], bytes, out var moovError);
                if (moov is null) return ContainerReadResult.Damaged(moovError!, found);
                var inMoov = new List<FoundLabel>();
                Mp4Metadata.FindLabels(moov, inMoov);
                found.InsertRange(0, inMoov);
            }
            finally { if (bytes is not null) ArrayPool<byte>.Shared.Return(bytes); }
            return error is null ? new ContainerReadResult(found) : ContainerReadResult.Damaged(error, found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged("MP4 结构损坏：" + e.Message, found);
        }
    }

    internal static Box? LoadMoov(Stream input, BoxHeader moov, out string? error) =>
        LoadMoov(input, moov, moov.Size <= IoLimits.MaxMetadataStructure ? new byte[moov.Size] : null, out error);

    /// <summary>A pooled buffer for the whole moov box (header and content), or null when it is beyond the limit.</summary>
    private static byte[]? RentMoovBuffer(BoxHeader moov) =>
        moov.Size <= IoLimits.MaxMetadataStructure ? ArrayPool<byte>.Shared.Rent((int)moov.Size) : null;

    /// <summary>Reads the whole moov box (header and content) into the start of <paramref name="bytes"/> and parses
    /// it; the returned tree refers to those bytes. Null, with the reason, when it is too large, truncated or
    /// damaged.</summary>
    private static Box? LoadMoov(Stream input, BoxHeader moov, byte[]? bytes, out string? error)
    {
        error = null;
        if (bytes is null) { error = $"moov 盒子过大（{moov.Size} 字节），未检查"; return null; }
        var whole = bytes.AsMemory(0, (int)moov.Size);
        if (moov.Offset < 0 || input.Length - moov.Offset < moov.Size || !ReadAt(input, moov.Offset, bytes, whole.Length))
        {
            error = $"moov 盒子在偏移 {moov.Offset} 处被截断";
            return null;
        }
        try { return Box.Parse("moov", whole[moov.HeaderSize..], 0); }
        catch (FormatException e) { error = $"moov 盒子（偏移 {moov.Offset}）损坏：{e.Message}"; return null; }
    }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/> into the start of
    /// <paramref name="into"/>. Through the array overload: a span read of a FileStream subclass (the in-place
    /// writer's undo log) goes through a pooled copy of the whole read, which costs a second buffer's page faults.</summary>
    private static bool ReadAt(Stream input, long offset, byte[] into, int count)
    {
        input.Position = offset;
        for (var n = 0; n < count;)
        {
            var r = input.Read(into, n, count - n);
            if (r <= 0) return false;
            n += r;
        }
        return true;
    }

    /// <param name="MoovBytes">The moov box as read from the file (header and content); <see cref="Moov"/>'s leaves
    /// refer to it.</param>
    private sealed record Plan(List<BoxHeader> Top, int MoovIndex, Box Moov, byte[] MoovBytes, Dictionary<int, byte[]> EditedUuids);

    /// <summary>Walks the file and builds the edited moov (label replaced) — shared by both write modes.</summary>
    private static Plan Prepare(Stream input, AigcLabel label)
    {
        BoundedRead.RequireSeekable(input);
        var top = BmffBoxes.ReadChildren(input, 0, input.Length, out var error);
        if (error is not null) throw new LabelWriteException("MP4 结构损坏，未写入：" + error);
        var moovIndexes = top.Select((b, i) => (b, i)).Where(x => x.b.Type == "moov").Select(x => x.i).ToList();
        if (moovIndexes.Count != 1) throw new LabelWriteException(
            moovIndexes.Count == 0 ? "MP4 没有 moov 盒子，无法写入标识" : "MP4 含多个 moov 盒子，无法确定写入位置");
        var moovHeader = top[moovIndexes[0]];
        var moovBytes = moovHeader.Size <= IoLimits.MaxMetadataStructure ? new byte[moovHeader.Size] : null;
        var moov = LoadMoov(input, moovHeader, moovBytes, out var moovError) ?? throw new LabelWriteException(moovError!);
        var edited = new Dictionary<int, byte[]>();
        for (var i = 0; i < top.Count; i++)
        {
            if (top[i].Type != "uuid" || top[i].PayloadSize < 16) continue;
            var payload = BoundedRead.ReadAt(input, top[i].PayloadOffset, top[i].PayloadSize, IoLimits.MaxMetadataItem);
            if (payload is null || Mp4Metadata.XmpText(payload) is not { } xmp || Xmp.FindAigcValues(xmp).Count == 0) continue;
            edited[i] = Mp4Metadata.BlankXmpLabels(payload);
        }
        try { Mp4Metadata.ReplaceLabel(moov, label.ToJson()); }
        catch (FormatException e) { throw new LabelWriteException("MP4 元数据损坏，未写入：" + e.Message); }
        return new Plan(top, moovIndexes[0], moov, moovBytes!, edited);
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

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var plan = Prepare(file, label);
        var old = plan.Top[plan.MoovIndex];
        // The undo log needs the bytes about to be overwritten: the old moov, just read, unless a write changes them.
        if (file is UndoLogFileStream undo) undo.Remember(old.Offset, plan.MoovBytes);
        var length = plan.Moov.Size;
        if (length > IoLimits.MaxMetadataStructure) throw new LabelWriteException($"新的 moov 盒子过大（{length} 字节），未写入");
        var following = plan.Top.Skip(plan.MoovIndex + 1).ToList();
        var freeAfter = following.TakeWhile(b => FreeSpace.Contains(b.Type)).ToList();
        var available = old.Size + freeAfter.Sum(b => b.Size);
        bool truncateAfter = freeAfter.Count == following.Count; // moov (and free space) is last: the file may grow or shrink
        var rest = available - length;
        if (!truncateAfter && rest != 0 && (rest < 8 || rest > uint.MaxValue))
            throw new LabelWriteException(rest < 0
                ? $"moov 之后没有足够的空闲空间（需要 {length} 字节，可用 {available} 字节），请使用复制模式"
                : "moov 之后的剩余空间不足以放置 free 盒子，请使用复制模式");

        foreach (var (index, payload) in plan.EditedUuids)
        {
            file.Position = plan.Top[index].PayloadOffset;
            file.Write(payload, 0, payload.Length);
        }
        // Built in a pooled buffer, which the read-back that follows reads moov into again.
        var newMoov = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            plan.Moov.WriteTo(newMoov.AsSpan(0, (int)length));
            file.Position = old.Offset;
            file.Write(newMoov, 0, (int)length);
        }
        finally { ArrayPool<byte>.Shared.Return(newMoov); }
        if (truncateAfter) file.SetLength(old.Offset + length);
        else if (rest > 0)
        {
            var free = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(free, (uint)rest);
            "free"u8.CopyTo(free.AsSpan(4));
            file.Write(free, 0, free.Length);
        }
        file.Flush(flushToDisk: false);
    }

    public void WriteContentForHash(Stream input, Stream output) => Mp4Digest.WriteContent(input, output);
}
