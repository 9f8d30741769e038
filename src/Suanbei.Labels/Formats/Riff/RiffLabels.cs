using System.Text;

namespace Suanbei.Labels.Formats.Riff;

/// <summary>
/// The label in a RIFF form (WAV, AVI). Placement written: a LIST/INFO chunk with an <c>AIGC</c> sub-chunk (UTF-8 JSON,
/// NUL-terminated) appended as the last chunk of the form — the first placement of reference §5, the one ffprobe reports
/// as tag <c>AIGC</c>, and appending never moves audio/video data or the offsets in idx1/OpenDML indexes.
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
                if (chunk.Id == "AIGC")
                {
                    var data = MediaIo.ReadAt(input, chunk.DataOffset, chunk.DataSize, RiffChunks.MaxInfoBytes);
                    if (data is null) return ContainerReadResult.Damaged($"偏移 {chunk.Offset} 处 AIGC 块过大或被截断", found);
                    found.Add(new FoundLabel($"{name}/AIGC", RiffChunks.InfoText(data)));
                }
                else if (chunk.Id == "LIST" && chunk.ListType == "INFO")
                {
                    var items = RiffChunks.ReadInfo(input, chunk, out var error);
                    foreach (var (id, data) in items ?? [])
                        if (id == "AIGC") found.Add(new FoundLabel($"{name}/LIST/INFO/AIGC", RiffChunks.InfoText(data)));
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
        MediaIo.RequireSeekable(input);
        var outline = RiffChunks.Walk(input);
        if (outline is null || outline.FormType != formType) throw new LabelWriteException($"不是 RIFF/{formType} 文件");
        if (outline.IsRf64) throw new LabelWriteException($"{outline.Magic}（超过 4 GB 的 RIFF 变体）暂不支持写入标识");
        if (outline.Error is not null) throw new LabelWriteException($"{name.ToUpperInvariant()} 结构损坏，未写入：{outline.Error}");
        if (input.Length > outline.RiffEnd + 1 && formType == "AVI ")
            throw new LabelWriteException("AVI 含 OpenDML 扩展 RIFF（AVIX），追加标识会移动其数据，暂不支持");
        return outline;
    }

    /// <summary>INFO items of a LIST/INFO chunk, with AIGC removed; throws when it cannot be parsed.</summary>
    private static List<(string Id, byte[] Data)> OtherInfoItems(Stream input, RiffChunk chunk)
    {
        var items = RiffChunks.ReadInfo(input, chunk, out var error);
        if (items is null || error is not null) throw new LabelWriteException(error ?? "LIST/INFO 损坏");
        return items.Where(i => i.Id != "AIGC").ToList();
    }

    private static bool HasLabel(Stream input, RiffChunk c) =>
        c.Id == "AIGC" || (c.Id == "LIST" && c.ListType == "INFO" && (RiffChunks.ReadInfo(input, c, out _) ?? []).Any(i => i.Id == "AIGC"));

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var outline = Outline(input);
        var newList = RiffChunks.BuildInfoList([("AIGC", RiffChunks.LabelValue(label))]);
        // Rebuild chunks that held a label (other INFO items kept in place); copy the rest untouched.
        var parts = new List<(RiffChunk Chunk, byte[]? Replacement)>();
        foreach (var c in outline.Chunks)
        {
            if (c.Id == "AIGC") continue;
            if (c.Id == "LIST" && c.ListType == "INFO" && HasLabel(input, c))
            {
                var others = OtherInfoItems(input, c);
                if (others.Count > 0) parts.Add((c, RiffChunks.BuildInfoList(others)));
                continue;
            }
            parts.Add((c, null));
        }
        var body = 4L + parts.Sum(p => p.Replacement?.LongLength ?? (8 + p.Chunk.DataSize + (p.Chunk.DataSize & 1))) + newList.Length;
        if (body > uint.MaxValue) throw new LabelWriteException("写入后 RIFF 将超过 4 GB 上限（需要 RF64），未写入");

        output.Write("RIFF"u8);
        MediaIo.WriteU32LE(output, (uint)body);
        output.Write(Encoding.Latin1.GetBytes(formType));
        foreach (var (chunk, replacement) in parts)
        {
            if (replacement is not null) { output.Write(replacement); continue; }
            MediaIo.CopyRange(input, chunk.Offset, 8 + chunk.DataSize, output);
            if ((chunk.DataSize & 1) == 1) output.WriteByte(0); // pad byte, even when the source forgot it
        }
        output.Write(newList);
        // Anything after the RIFF form (some writers leave trailing bytes) is carried over unchanged.
        var afterRiff = outline.RiffEnd + ((outline.RiffEnd & 1) == 1 && input.Length > outline.RiffEnd ? 1 : 0);
        if (input.Length > afterRiff) MediaIo.CopyToEnd(input, afterRiff, output);
    }

    /// <summary>Appends the LIST/INFO at the end of the form and patches the RIFF size. An earlier label chunk is turned
    /// into a JUNK chunk of the same size (its other INFO items move into the appended list), or overwritten when it is
    /// the last chunk, so repeated writes do not grow the file.</summary>
    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var outline = Outline(file);
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
        var newList = RiffChunks.BuildInfoList([.. carried, ("AIGC", RiffChunks.LabelValue(label))]);
        var newEnd = appendAt + newList.Length;
        if (newEnd - 8 > uint.MaxValue) throw new LabelWriteException("追加标识后 RIFF 将超过 4 GB 上限（需要 RF64），未写入");

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
        file.Position = 4;
        MediaIo.WriteU32LE(file, (uint)(newEnd - 8));
        file.Flush(flushToDisk: false);
    }
}
