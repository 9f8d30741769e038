using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.VorbisComment;

namespace Suanbei.Labels.Formats.Flac;

/// <summary>
/// FLAC: the label is a Vorbis comment <c>AIGC=…</c> in the VORBIS_COMMENT metadata block. Writing rebuilds the
/// metadata blocks (others copied byte for byte, other comments kept); in place when the old metadata area, PADDING
/// included, can hold the new blocks (the rest stays PADDING), so audio frames never move. A leading ID3v2 tag is skipped.
/// </summary>
public sealed class FlacFormat : IContainerFormat, IContentDigest
{
    private const int VorbisCommentType = 4;
    private const int PaddingType = 1;
    private const int NewPadding = 4096;

    public string Name => "flac";
    public IReadOnlyList<string> Extensions { get; } = [".flac"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        (head.Length >= 4 && head[..4].SequenceEqual("fLaC"u8))
            || (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8) && extension == ".flac");

    private sealed record Block(int Type, long Offset, int Length)
    {
        public long DataOffset => Offset + 4; public long End => DataOffset +
        Length;
    }

    /// <summary>Metadata blocks after "fLaC"; audio starts at the end of the last one.</summary>
    private static (long MagicAt, List<Block> Blocks, string? Error) Walk(Stream s)
    {
        long start = 0;
        if (Mp3.Id3Tag.TryReadHeader(s, 0, out _, out _, out var id3)) start = id3;
        Span<byte> b = stackalloc byte[4];
        s.Position = start;
        if (!BoundedRead.TryReadExactly(s, b) || !b.SequenceEqual("fLaC"u8)) return (start, [], "不是 FLAC 文件（缺少 fLaC）");
        var blocks = new List<Block>();
        var offset = start + 4;
        while (true)
        {
            s.Position = offset;
            if (!BoundedRead.TryReadExactly(s, b)) return (start, blocks, $"偏移 {offset} 处元数据块头被截断");
            var length = b[1] << 16 | b[2] << 8 | b[3];
            var type = b[0] & 0x7F;
            if (type == 127) return (start, blocks, $"偏移 {offset} 处元数据块类型无效");
            if (offset + 4 + length > s.Length) return (start, blocks, $"偏移 {offset} 处元数据块超出文件（truncated）");
            blocks.Add(new Block(type, offset, length));
            offset += 4 + length;
            if ((b[0] & 0x80) != 0) break;
            if (blocks.Count > 10_000) return (start, blocks, "元数据块过多");
        }
        if (blocks[0].Type != 0) return (start, blocks, "第一个元数据块不是 STREAMINFO");
        return (start, blocks, null);
    }

    public ContainerReadResult Read(Stream input)
    {
        var found = new List<FoundLabel>();
        try
        {
            var (_, blocks, error) = Walk(input);
            foreach (var block in blocks.Where(b => b.Type == VorbisCommentType))
            {
                var data = BoundedRead.ReadAt(input, block.DataOffset, block.Length);
                var comments = data is null ? null : VorbisComments.Parse(data, out _, out var commentError);
                if (comments is null) return ContainerReadResult.Damaged($"偏移 {block.Offset} 处 VORBIS_COMMENT 损坏", found);
                found.AddRange(comments.LabelValues().Select(v => new FoundLabel("flac/VORBIS_COMMENT/AIGC", v)));
            }
            return error is null ? new ContainerReadResult(found) : ContainerReadResult.Damaged(error, found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged("FLAC 结构损坏：" + e.Message, found);
        }
    }

    /// <summary>The new metadata: every block except PADDING and VORBIS_COMMENT (kept by reference), then the new
    /// VORBIS_COMMENT right after STREAMINFO (where encoders put it).</summary>
    private static (long MagicAt, List<Block> Blocks, List<(Block? Source, byte[]? Data)> Layout, long AudioAt) Prepare(
        Stream input, AigcLabel label)
    {
        BoundedRead.RequireSeekable(input);
        var (magicAt, blocks, error) = Walk(input);
        if (error is not null) throw new LabelWriteException("FLAC 结构损坏，未写入：" + error);
        VorbisComments? comments = null;
        foreach (var block in blocks.Where(b => b.Type == VorbisCommentType))
        {
            var data = BoundedRead.ReadAt(input, block.DataOffset, block.Length) ?? throw new LabelWriteException("VORBIS_COMMENT 过大");
            var parsed = VorbisComments.Parse(data, out _, out var commentError)
                ?? throw new LabelWriteException("VORBIS_COMMENT 损坏：" + commentError);
            comments = comments is null ? parsed : comments with { Entries = [.. comments.Entries, .. parsed.Entries] };
        }
        comments = (comments ?? VorbisComments.Empty("Suanbei")).WithLabel(label);
        var layout = new List<(Block?, byte[]?)>();
        foreach (var block in blocks)
        {
            if (block.Type is VorbisCommentType or PaddingType) continue;
            layout.Add((block, null));
            if (block.Type == 0) layout.Add((null, comments.ToBytes()));
        }
        return (magicAt, blocks, layout, blocks[^1].End);
    }

    private static void WriteBlocks(Stream input, Stream output, List<(Block? Source, byte[]? Data)> layout, long paddingLength)
    {
        for (var i = 0; i < layout.Count; i++)
        {
            var (source, data) = layout[i];
            var last = i == layout.Count - 1 && paddingLength < 0;
            var type = source?.Type ?? VorbisCommentType;
            var length = source?.Length ?? data!.Length;
            if (length > 0xFFFFFF) throw new LabelWriteException("VORBIS_COMMENT 超过 16 MB 上限");
            output.Write([(byte)(type | (last ? 0x80 : 0)), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
            if (source is not null) RangeCopy.CopyRange(input, source.DataOffset, source.Length, output);
            else output.Write(data!);
        }
        if (paddingLength >= 0)
        {
            output.Write([0x80 | PaddingType, (byte)(paddingLength >> 16), (byte)(paddingLength >> 8), (byte)paddingLength]);
            output.Write(new byte[paddingLength]);
        }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (magicAt, _, layout, audioAt) = Prepare(input, label);
        RangeCopy.CopyRange(input, 0, magicAt + 4, output); // (ID3 prefix and) "fLaC"
        WriteBlocks(input, output, layout, NewPadding);
        RangeCopy.CopyToEnd(input, audioAt, output);
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (magicAt, _, layout, audioAt) = Prepare(file, label);
        var available = audioAt - (magicAt + 4);
        var needed = layout.Sum(l => 4L + (l.Source?.Length ?? l.Data!.Length));
        var rest = available - needed;
        if (rest != 0 && (rest < 4 || rest - 4 > 0xFFFFFF))
            throw new LabelWriteException($"FLAC 元数据区的填充空间不足（需要 {needed} 字节，现有 {available} 字节），请使用复制模式");
        // Blocks after STREAMINFO may move inside the metadata area: assemble it in memory (bounded), then write once.
        if (available > IoLimits.MaxMetadataStructure) throw new LabelWriteException("FLAC 元数据区过大，请使用复制模式");
        using var area = new MemoryStream((int)available);
        WriteBlocks(file, area, layout, rest == 0 ? -1 : rest - 4);
        file.Position = magicAt + 4;
        area.Position = 0;
        area.CopyTo(file);
        file.Flush(flushToDisk: false);
    }

    /// <summary>The signed content: the bytes up to and including "fLaC" (a leading ID3v2 tag too), then every
    /// metadata block in file order except PADDING as its type byte (last-block flag cleared), 24-bit length and data —
    /// a VORBIS_COMMENT block with its AIGC entries removed (vendor and other comments covered) — then every byte of
    /// the audio frames.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        BoundedRead.RequireSeekable(input);
        var (magicAt, blocks, error) = Walk(input);
        if (error is not null) throw new LabelWriteException("FLAC 结构损坏：" + error);
        RangeCopy.CopyRange(input, 0, magicAt + 4, output);
        foreach (var block in blocks)
        {
            if (block.Type == PaddingType) continue;
            if (block.Type == VorbisCommentType)
            {
                var data = BoundedRead.ReadAt(input, block.DataOffset, block.Length) ?? throw new LabelWriteException("VORBIS_COMMENT 过大");
                var comments = VorbisComments.Parse(data, out _, out var commentError)
                    ?? throw new LabelWriteException("VORBIS_COMMENT 损坏：" + commentError);
                var kept = comments.WithoutLabels().ToBytes();
                output.Write([(byte)block.Type, (byte)(kept.Length >> 16), (byte)(kept.Length >> 8), (byte)kept.Length]);
                output.Write(kept);
                continue;
            }
            output.Write([(byte)block.Type, (byte)(block.Length >> 16), (byte)(block.Length >> 8), (byte)block.Length]);
            RangeCopy.CopyRange(input, block.DataOffset, block.Length, output);
        }
        RangeCopy.CopyToEnd(input, blocks[^1].End, output);
    }
}
