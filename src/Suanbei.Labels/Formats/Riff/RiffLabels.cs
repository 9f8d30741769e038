using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Riff;

/// <summary>
/// The label in a RIFF form (WAV, AVI). Placement written: a LIST/INFO chunk with an <c>AIGC</c> sub-chunk (UTF-8 JSON,
/// NUL-terminated) appended as the last chunk of the form — the first placement of reference §5, the one ffprobe reports
/// as tag <c>AIGC</c>, and appending never moves audio/video data or the movi-relative offsets in idx1. RF64/BW64: the
/// ds64 RIFF size is updated instead of the 32-bit one (which stays 0xFFFFFFFF). AVI with OpenDML AVIX parts after the
/// first RIFF: nothing may move, so the list goes into free JUNK space of the first RIFF (see PlanFixedLayout).
/// Also read: a top-level RIFF chunk <c>AIGC</c>.
/// </summary>
internal sealed class RiffLabels(string formType, string name)
{
    public ContainerReadResult Read(Stream input)
    {
        var found = new List<FoundLabel>();
        try
        {
            var outline = RiffChunks.Walk(input);
            if (outline is null || outline.FormType != formType) return ContainerReadResult.Damaged($"不是 RIFF/{formType} 文件");
            foreach (var chunk in outline.Chunks)
            {
                if (AigcKey.Matches(chunk.Id))
                {
                    var data = BoundedRead.ReadAt(input, chunk.DataOffset, chunk.DataSize, IoLimits.MaxMetadataItem);
                    if (data is null) return ContainerReadResult.Damaged($"偏移 {chunk.Offset} 处 AIGC 块过大或被截断", found);
                    found.Add(new FoundLabel($"{name}/AIGC", RiffChunks.InfoText(data)));
                }
                else if (chunk.Id == "LIST" && chunk.ListType == "INFO")
                {
                    var items = RiffChunks.ReadInfo(input, chunk, out var error);
                    foreach (var (id, data) in items ?? [])
                        if (AigcKey.Matches(id)) found.Add(new FoundLabel($"{name}/LIST/INFO/AIGC", RiffChunks.InfoText(data)));
                    if (error is not null) return ContainerReadResult.Damaged(error, found);
                }
            }
            return outline.Error is null ? new ContainerReadResult(found) : ContainerReadResult.Damaged(outline.Error, found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged($"{name.ToUpperInvariant()} 结构损坏：" + e.Message, found);
        }
    }

    private RiffOutline Outline(Stream input)
    {
        BoundedRead.RequireSeekable(input);
        var outline = RiffChunks.Walk(input);
        if (outline is null || outline.FormType != formType) throw new LabelWriteException($"不是 RIFF/{formType} 文件");
        if (outline.Error is not null) throw new LabelWriteException($"{name.ToUpperInvariant()} 结构损坏，未写入：{outline.Error}");
        if (outline.IsRf64 && outline.Ds64Chunk is null) throw new LabelWriteException($"{outline.Magic} 文件缺少 ds64 块，未写入");
        return outline;
    }

    /// <summary>
    /// The signed content (<see cref="IContentDigest"/>): the form type, then every top-level chunk in file order
    /// (8-byte header and data, pad byte left out) except LIST/INFO, AIGC and JUNK chunks — they carry or once carried
    /// the label, and relabelling rewrites, appends, merges or blanks them — then any bytes after the RIFF form
    /// (OpenDML AVIX parts) as they are. The RIFF size is left out; of an RF64/BW64 <c>ds64</c> chunk only its RIFF
    /// size (first 8 data bytes) is left out. INFO metadata is therefore not covered.
    /// </summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var outline = Outline(input);
        output.Write(Encoding.Latin1.GetBytes(outline.FormType));
        foreach (var c in outline.Chunks)
        {
            if (AigcKey.Matches(c.Id) || c.Id == "JUNK" || (c.Id == "LIST" && c.ListType == "INFO")) continue;
            if (c.Id == "ds64" && outline.IsRf64)
            {
                RangeCopy.CopyRange(input, c.Offset, 8, output);
                RangeCopy.CopyRange(input, c.DataOffset + 8, c.DataSize - 8, output);
                continue;
            }
            RangeCopy.CopyRange(input, c.Offset, 8 + c.DataSize, output);
        }
        var afterRiff = outline.PaddedRiffEnd(input.Length);
        if (input.Length > afterRiff) RangeCopy.CopyToEnd(input, afterRiff, output);
    }

    /// <summary>AVI with OpenDML extension parts (RIFF AVIX after the first RIFF, ≥ 1 GB files): their super-index
    /// (indx) and standard-index (ix##) entries hold absolute file offsets, so the first RIFF must not change size.</summary>
    private bool MustKeepLayout(Stream input, RiffOutline outline) =>
        formType == "AVI " && input.Length > outline.PaddedRiffEnd(input.Length);

    /// <summary>INFO items of a LIST/INFO chunk, with AIGC removed; throws when it cannot be parsed.</summary>
    private static List<(string Id, byte[] Data)> OtherInfoItems(Stream input, RiffChunk chunk)
    {
        var items = RiffChunks.ReadInfo(input, chunk, out var error);
        if (items is null || error is not null) throw new LabelWriteException(error ?? "LIST/INFO 损坏");
        return items.Where(i => !AigcKey.Matches(i.Id)).ToList();
    }

    private static bool HasLabel(Stream input, RiffChunk c) =>
        AigcKey.Matches(c.Id)
        || (c.Id == "LIST" && c.ListType == "INFO" && (RiffChunks.ReadInfo(input, c, out _) ?? []).Any(i => AigcKey.Matches(i.Id)));

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var outline = Outline(input);
        if (MustKeepLayout(input, outline))
        {
            WritePatched(input, output, PlanFixedLayout(input, outline, label));
            return;
        }
        var value = RiffChunks.LabelValue(label);
        // One INFO list: the label joins the first existing LIST/INFO; only a file without one gets a new list at the end.
        var parts = JoinFirstInfoList(input, outline, value) ?? AppendInfoList(input, outline, value);
        var body = 4L + parts.Sum(PartLength);
        if (!outline.IsRf64 && body > uint.MaxValue) throw new LabelWriteException("写入后 RIFF 将超过 4 GB 上限（需要 RF64），未写入");
        if (outline.Ds64Chunk is { } ds64)
        {
            // RF64: the 32-bit size stays 0xFFFFFFFF; the real RIFF size goes into ds64 (data size and table unchanged).
            var bytes = BoundedRead.ReadAt(input, ds64.Offset, ds64.PaddedEnd - ds64.Offset, RiffChunks.MaxDs64Bytes + 9)
                ?? throw new LabelWriteException("ds64 块被截断，未写入");
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), (ulong)body);
            parts[0] = (ds64, bytes); // ds64 is always the first chunk and never holds a label
        }

        output.Write(Encoding.Latin1.GetBytes(outline.Magic));
        IntegerWrites.WriteU32LE(output, outline.IsRf64 ? 0xFFFFFFFF : (uint)body);
        output.Write(Encoding.Latin1.GetBytes(formType));
        foreach (var (chunk, replacement) in parts)
        {
            if (replacement is not null) { output.Write(replacement); continue; }
            RangeCopy.CopyRange(input, chunk.Offset, 8 + chunk.DataSize, output);
            if ((chunk.DataSize & 1) == 1) output.WriteByte(0); // pad byte, even when the source forgot it
        }
        // Anything after the RIFF form (some writers leave trailing bytes) is carried over unchanged.
        var afterRiff = outline.PaddedRiffEnd(input.Length);
        if (input.Length > afterRiff) RangeCopy.CopyToEnd(input, afterRiff, output);
    }

    /// <summary>A top-level chunk of the output: copied from the input (<c>Replacement</c> null) or these bytes.</summary>
    private static long PartLength((RiffChunk Chunk, byte[]? Replacement) p) =>
        p.Replacement?.LongLength ?? 8 + p.Chunk.DataSize + (p.Chunk.DataSize & 1);

    /// <summary>Copy-mode chunks with the label added to the first LIST/INFO (its other items kept, in order), every
    /// other label removed (a list left empty is dropped). Null when the file has no readable INFO list, or when, in an
    /// AVI, the bigger list would move a <c>movi</c> list (idx1 offsets may be absolute): a JUNK chunk right after the
    /// list gives up the room when it can.</summary>
    private List<(RiffChunk Chunk, byte[]? Replacement)>? JoinFirstInfoList(Stream input, RiffOutline outline, byte[] value)
    {
        var join = outline.Chunks.FindIndex(c => c.Id == "LIST" && c.ListType == "INFO");
        if (join < 0) return null;
        var items = RiffChunks.ReadInfo(input, outline.Chunks[join], out var error);
        if (items is null || error is not null) return null;
        var parts = StripLabels(input, outline);
        var at = parts.FindIndex(p => p.Chunk.Offset == outline.Chunks[join].Offset);
        var joined = RiffChunks.BuildInfoList([.. items.Where(i => !AigcKey.Matches(i.Id)), (AigcKey.Name, value)]);
        var grown = joined.LongLength - (at < 0 ? 0 : PartLength(parts[at]));
        if (at < 0) // the list held only labels and was dropped: put it back where it was
        {
            at = parts.FindIndex(p => p.Chunk.Offset > outline.Chunks[join].Offset);
            if (at < 0) at = parts.Count;
            parts.Insert(at, (outline.Chunks[join], joined));
        }
        else parts[at] = (parts[at].Chunk, joined);
        if (formType != "AVI ") return parts;

        if (at + 1 < parts.Count && parts[at + 1] is { Chunk.Id: "JUNK", Replacement: null } junk && grown > 0)
        {
            var room = PartLength(junk);
            if (room == grown) { parts.RemoveAt(at + 1); grown = 0; }
            else if (room - grown >= 8)
            {
                var shrunk = new byte[room - grown];
                "JUNK"u8.CopyTo(shrunk);
                BinaryPrimitives.WriteUInt32LittleEndian(shrunk.AsSpan(4), (uint)(shrunk.Length - 8));
                parts[at + 1] = (junk.Chunk, shrunk);
                grown = 0;
            }
        }
        var outputOffset = 12L;
        foreach (var part in parts)
        {
            if (part.Chunk.Id == "LIST" && part.Chunk.ListType == "movi" && part.Chunk.Offset != outputOffset) return null;
            outputOffset += PartLength(part);
        }
        return parts;
    }

    /// <summary>Copy-mode chunks with every label removed and a new LIST/INFO holding only the label at the end.</summary>
    private static List<(RiffChunk Chunk, byte[]? Replacement)> AppendInfoList(Stream input, RiffOutline outline, byte[] value)
    {
        var parts = StripLabels(input, outline);
        parts.Add((new RiffChunk("LIST", -1, 0, "INFO"), RiffChunks.BuildInfoList([(AigcKey.Name, value)])));
        return parts;
    }

    /// <summary>The top-level chunks with label chunks left out and label-holding INFO lists rebuilt without the label
    /// (other INFO items kept in place; a list left empty is dropped).</summary>
    private static List<(RiffChunk Chunk, byte[]? Replacement)> StripLabels(Stream input, RiffOutline outline)
    {
        var parts = new List<(RiffChunk Chunk, byte[]? Replacement)>();
        foreach (var c in outline.Chunks)
        {
            if (AigcKey.Matches(c.Id)) continue;
            if (c.Id == "LIST" && c.ListType == "INFO" && HasLabel(input, c))
            {
                var others = OtherInfoItems(input, c);
                if (others.Count > 0) parts.Add((c, RiffChunks.BuildInfoList(others)));
                continue;
            }
            parts.Add((c, null));
        }
        return parts;
    }

    /// <summary>Appends the LIST/INFO at the end of the form and patches the RIFF size (RF64: the ds64 RIFF size). An
    /// earlier label chunk is turned into a JUNK chunk of the same size (its other INFO items move into the appended
    /// list), or overwritten when it is the last chunk, so repeated writes do not grow the file.</summary>
    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var outline = Outline(file);
        if (MustKeepLayout(file, outline))
        {
            foreach (var patch in PlanFixedLayout(file, outline, label))
            {
                file.Position = patch.Offset;
                patch.WriteTo(file);
            }
            file.Flush(flushToDisk: false);
            return;
        }
        var lastEnd = outline.Chunks.Count == 0 ? 12 : outline.Chunks[^1].PaddedEnd;
        if (file.Length > lastEnd)
            throw new LabelWriteException("RIFF 之后还有其他数据，无法就地追加，请使用复制模式");

        var carried = new List<(string, byte[])>();
        var junk = new List<RiffChunk>();
        var appendAt = lastEnd;
        for (var i = 0; i < outline.Chunks.Count; i++)
        {
            var c = outline.Chunks[i];
            if (!HasLabel(file, c)) continue;
            if (c.Id == "LIST") carried.AddRange(OtherInfoItems(file, c));
            if (i == outline.Chunks.Count - 1) appendAt = c.Offset; // the last chunk: overwrite it
            else junk.Add(c);
        }
        var newList = RiffChunks.BuildInfoList([.. carried, (AigcKey.Name, RiffChunks.LabelValue(label))]);
        var newEnd = appendAt + newList.Length;
        if (!outline.IsRf64 && newEnd - 8 > uint.MaxValue) throw new LabelWriteException("追加标识后 RIFF 将超过 4 GB 上限（需要 RF64），未写入");

        foreach (var c in junk)
        {
            file.Position = c.Offset;
            file.Write("JUNK"u8);
            file.Position = c.DataOffset;
            file.Write(new byte[c.DataSize]); // bounded: label chunks are ≤ 16 MiB (checked when read)
        }
        file.Position = appendAt;
        file.Write(newList);
        file.SetLength(newEnd);
        if (outline.Ds64Chunk is { } ds64)
        {
            file.Position = ds64.DataOffset;
            Span<byte> riffSize = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(riffSize, (ulong)(newEnd - 8));
            file.Write(riffSize);
        }
        else
        {
            file.Position = 4;
            IntegerWrites.WriteU32LE(file, (uint)(newEnd - 8));
        }
        file.Flush(flushToDisk: false);
    }

    /// <summary>A same-length overwrite at <see cref="Offset"/>: <see cref="Head"/> then <see cref="Zeros"/> zero bytes.</summary>
    private sealed record Patch(long Offset, byte[] Head, long Zeros)
    {
        public long Length => Head.Length + Zeros;

        public void WriteTo(Stream output)
        {
            output.Write(Head);
            Span<byte> zeros = stackalloc byte[4096];
            zeros.Clear();
            for (var left = Zeros; left > 0; left -= zeros.Length)
                output.Write(zeros[..(int)Math.Min(left, zeros.Length)]);
        }
    }

    /// <summary>
    /// The label placed so that no byte moves (OpenDML AVI): the new LIST/INFO goes into the first run of adjacent
    /// top-level chunks of the first RIFF that are free space (JUNK) or held a label, followed by a JUNK chunk for
    /// the rest of the run; a label chunk outside that run becomes JUNK of the same size. ffmpeg leaves a 1 KiB JUNK
    /// before movi "for easier tag editing", which is where the label lands. No room → refused, nothing written.
    /// </summary>
    private List<Patch> PlanFixedLayout(Stream input, RiffOutline outline, AigcLabel label)
    {
        var chunks = outline.Chunks;
        var holdsLabel = chunks.Select(c => HasLabel(input, c)).ToArray();
        var carried = new List<(string, byte[])>();
        for (var i = 0; i < chunks.Count; i++)
            if (holdsLabel[i] && chunks[i].Id == "LIST") carried.AddRange(OtherInfoItems(input, chunks[i]));
        var newList = RiffChunks.BuildInfoList([.. carried, (AigcKey.Name, RiffChunks.LabelValue(label))]);

        (int First, int Last)? run = null;
        for (int first = 0, i = 0; i < chunks.Count && run is null; i++)
        {
            if (chunks[i].Id != "JUNK" && !holdsLabel[i]) { first = i + 1; continue; }
            var length = chunks[i].PaddedEnd - chunks[first].Offset;
            if (length == newList.Length || length >= newList.Length + 8) run = (first, i);
        }
        if (run is not { } r)
            throw new LabelWriteException(
                $"AVI 含 OpenDML 扩展部分（RIFF AVIX），其索引使用绝对偏移，标识只能写入第一个 RIFF 中的 JUNK 空闲块；" +
                $"没有足够大的 JUNK 块（需要 {newList.Length} 字节），未写入");

        var patches = new List<Patch>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var c = chunks[i];
            if (i == r.First)
            {
                var rest = chunks[r.Last].PaddedEnd - c.Offset - newList.Length;
                if (rest == 0) { patches.Add(new Patch(c.Offset, newList, 0)); continue; }
                var head = new byte[newList.Length + 8];
                newList.CopyTo(head, 0);
                "JUNK"u8.CopyTo(head.AsSpan(newList.Length));
                BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(newList.Length + 4), (uint)(rest - 8));
                patches.Add(new Patch(c.Offset, head, rest - 8));
            }
            else if (holdsLabel[i] && (i < r.First || i > r.Last))
            {
                var head = new byte[8];
                "JUNK"u8.CopyTo(head);
                BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(4), (uint)c.DataSize);
                patches.Add(new Patch(c.Offset, head, c.PaddedEnd - c.DataOffset));
            }
        }
        return patches;
    }

    /// <summary>Copies the input with the patches applied (same length, same offsets).</summary>
    private static void WritePatched(Stream input, Stream output, List<Patch> patches)
    {
        var at = 0L;
        foreach (var patch in patches)
        {
            RangeCopy.CopyRange(input, at, patch.Offset - at, output);
            patch.WriteTo(output);
            at = patch.Offset + patch.Length;
        }
        RangeCopy.CopyToEnd(input, at, output);
    }
}
