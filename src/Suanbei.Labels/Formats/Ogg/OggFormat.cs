using System.Buffers.Binary;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.VorbisComment;

namespace Suanbei.Labels.Formats.Ogg;

/// <summary>
/// Ogg Vorbis / Opus: the label is a Vorbis comment <c>AIGC=…</c> in the comment header packet ("\x03vorbis" — the
/// second Vorbis header — or "OpusTags"). Writing rebuilds that packet, re-paginates the header pages (with the Vorbis
/// setup header that shares them), recomputes CRCs, and renumbers the following pages of that logical stream only
/// when the header page count changed; otherwise the audio pages are copied byte for byte. Streams, fixed buffer.
/// </summary>
public sealed class OggFormat : IContainerFormat, IContentDigest
{
    private const int MaxPagesScanned = 10_000;

    public string Name => "ogg";
    public IReadOnlyList<string> Extensions { get; } = [".ogg", ".oga", ".opus", ".ogv", ".spx"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => head.Length >= 4 && head[..4].SequenceEqual("OggS"u8);

    private enum Codec { Other, Vorbis, Opus }

    private static readonly byte[] VorbisIdent = [1, .. "vorbis"u8], VorbisComment = [3, .. "vorbis"u8];

    private static Codec CodecOf(ReadOnlySpan<byte> first) =>
        first.StartsWith(VorbisIdent) ? Codec.Vorbis : first.StartsWith("OpusHead"u8) ? Codec.Opus : Codec.Other;

    private static ReadOnlySpan<byte> CommentPrefix(Codec c) => c == Codec.Vorbis ? VorbisComment : "OpusTags"u8;

    /// <summary>The header phase of one logical stream: its pages, its header packets, where they end.</summary>
    private sealed class StreamHeaders(uint serial, Codec codec)
    {
        public uint Serial { get; } = serial;
        public Codec Codec { get; } = codec;
        public int Needed => Codec == Codec.Vorbis ? 3 : 2;
        public List<byte[]> Packets { get; } = [];
        public MemoryStream Partial { get; } = new();
        public List<OggPage> Pages { get; } = [];
        public bool Complete => Packets.Count >= Needed;
        /// <summary>True when the last header page also carries audio (then we cannot re-paginate headers alone).</summary>
        public bool SharedLastPage { get; set; }
        public long Bytes;
    }

    /// <summary>Reads pages from the start until every Vorbis/Opus stream's header packets are complete.</summary>
    private static (List<OggPage> Pages, Dictionary<uint, StreamHeaders> Streams, string? Error) ScanHeaders(Stream s)
    {
        var pages = new List<OggPage>();
        var streams = new Dictionary<uint, StreamHeaders>();
        var offset = 0L;
        while (offset < s.Length && pages.Count < MaxPagesScanned)
        {
            var page = OggPages.ReadHeader(s, offset, out var error);
            if (page is null) return (pages, streams, error);
            var data = BoundedRead.ReadAt(s, page.DataOffset, page.DataLength, 65025)!;
            var header = BoundedRead.ReadAt(s, page.Offset, OggPage.HeaderSize + page.Lacing.Length)!;
            header[22] = header[23] = header[24] = header[25] = 0;
            if (OggPages.Crc(OggPages.Crc(0, header), data) != page.Crc) return (pages, streams, $"偏移 {offset} 处 Ogg 页 CRC 不符（damaged）");
            pages.Add(page);
            offset = page.End;
            if (page.Bos)
            {
                if (streams.ContainsKey(page.Serial)) return (pages, streams, $"Ogg 流 {page.Serial} 出现两次 BOS");
                var codec = CodecOf(data);
                if (codec != Codec.Other) streams[page.Serial] = new StreamHeaders(page.Serial, codec);
            }
            if (!streams.TryGetValue(page.Serial, out var stream)
                || stream.Complete) { if (streams.Count > 0 && streams.Values.All(x => x.Complete)) break; continue; }
            stream.Pages.Add(page);
            var pos = 0;
            for (var i = 0; i < page.Lacing.Length; i++)
            {
                var l = page.Lacing[i];
                if (stream.Complete) { stream.SharedLastPage = true; break; }
                stream.Partial.Write(data, pos, l);
                pos += l;
                stream.Bytes += l;
                if (stream.Bytes > IoLimits.MaxMetadataStructure) return (pages, streams, "Ogg 头部包过大");
                if (l < 255)
                {
                    stream.Packets.Add(stream.Partial.ToArray());
                    stream.Partial.SetLength(0);
                }
            }
            if (streams.Values.All(x => x.Complete)) break;
        }
        var incomplete = streams.Values.FirstOrDefault(x => !x.Complete);
        return (pages, streams, incomplete is null ? null : $"Ogg 流 {incomplete.Serial} 的头部包不完整（truncated）");
    }

    public ContainerReadResult Read(Stream input)
    {
        var found = new List<FoundLabel>();
        try
        {
            var (_, streams, error) = ScanHeaders(input);
            foreach (var stream in streams.Values.Where(x => x.Packets.Count >= 2))
            {
                var packet = stream.Packets[1];
                var prefix = CommentPrefix(stream.Codec);
                if (!packet.AsSpan().StartsWith(prefix)) return ContainerReadResult.Damaged($"Ogg 流 {stream.Serial} 的第二个头部包不是注释包", found);
                var comments = VorbisComments.Parse(packet.AsSpan(prefix.Length), out _, out var commentError);
                if (comments is null) return ContainerReadResult.Damaged("Ogg 注释包损坏：" + commentError, found);
                var placement = stream.Codec == Codec.Vorbis ? "ogg/VorbisComment/AIGC" : "ogg/OpusTags/AIGC";
                found.AddRange(comments.LabelValues().Select(v => new FoundLabel(placement, v)));
            }
            if (error is not null) return ContainerReadResult.Damaged(error, found);
            if (streams.Count == 0) return ContainerReadResult.Damaged("Ogg 文件中没有 Vorbis 或 Opus 流（不支持的编码）", found);
            return new ContainerReadResult(found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged("Ogg 结构损坏：" + e.Message, found);
        }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        BoundedRead.RequireSeekable(input);
        var (pages, streams, error) = ScanHeaders(input);
        if (error is not null) throw new LabelWriteException("Ogg 结构损坏，未写入：" + error);
        if (streams.Count == 0) throw new LabelWriteException("Ogg 文件中没有 Vorbis 或 Opus 流，无法写入");
        // Every Vorbis/Opus stream gets the label removed; the first one carries it (one label per file).
        var target = streams.Values.OrderBy(x => pages.FindIndex(p => p.Serial == x.Serial)).First();
        var replacements = new Dictionary<uint, List<byte[]>>();
        var seqDelta = new Dictionary<uint, long>();
        foreach (var stream in streams.Values)
        {
            if (stream.SharedLastPage) throw new LabelWriteException("Ogg 头部包与音频数据共用一页，暂不支持写入");
            var bos = stream.Pages[0].Lacing;
            if (bos.Length == 0 || bos[^1] == 255 || bos.Count(l => l < 255) != 1 || stream.Pages.Count < 2)
                throw new LabelWriteException("Ogg 首页（BOS）应只含识别头包，此文件不符合，未写入");
            var prefix = CommentPrefix(stream.Codec).ToArray();
            var packet = stream.Packets[1];
            if (!packet.AsSpan().StartsWith(prefix)) throw new LabelWriteException("Ogg 注释包缺失");
            var comments = VorbisComments.Parse(packet.AsSpan(prefix.Length), out var consumed, out var commentError)
                ?? throw new LabelWriteException("Ogg 注释包损坏：" + commentError);
            var edited = stream == target ? comments.WithLabel(label)
                : comments with { Entries = comments.Entries.Where(e => !VorbisComments.IsLabel(e, out _)).ToList() };
            // framing bit / Opus padding kept
            byte[] newPacket = [.. prefix, .. edited.ToBytes(), .. packet.AsSpan(prefix.Length + consumed)];
            // Page 0 (BOS, identification header) stays; the pages after it are rebuilt from the remaining header packets.
            var oldHeaderPages = stream.Pages.Skip(1).ToList();
            var newPages = OggPages.Paginate([newPacket, .. stream.Packets.Skip(2)], stream.Serial, oldHeaderPages[0].Sequence, 0);
            replacements[stream.Serial] = newPages;
            seqDelta[stream.Serial] = newPages.Count - oldHeaderPages.Count;
        }

        var headerEnd = pages[^1].End;
        var buffer = new byte[65536 + 512];
        var emitted = new HashSet<uint>();
        foreach (var page in pages)
        {
            if (streams.TryGetValue(page.Serial, out var stream) && stream.Pages.Contains(page) && page != stream.Pages[0])
            {
                if (emitted.Add(page.Serial)) foreach (var p in replacements[page.Serial]) output.Write(p);
                continue;
            }
            if (seqDelta.TryGetValue(page.Serial, out var d) && d != 0 && !stream!.Pages.Contains(page))
                OggPages.CopyRenumbered(input, page, (uint)(page.Sequence + d), output, buffer);
            else RangeCopy.CopyRange(input, page.Offset, page.Length, output);
        }
        if (seqDelta.Values.All(d => d == 0)) { RangeCopy.CopyToEnd(input, headerEnd, output); return; }

        // The header page count changed: renumber every later page of the affected streams (CRC recomputed).
        var offset = headerEnd;
        while (offset < input.Length)
        {
            var page = OggPages.ReadHeader(input, offset, out var pageError) ?? throw new LabelWriteException("Ogg 结构损坏，未写入：" + pageError);
            if (seqDelta.TryGetValue(page.Serial, out var d) && d != 0) OggPages.CopyRenumbered(
                input, page, (uint)(page.Sequence + d), output, buffer);
            else RangeCopy.CopyRange(input, page.Offset, page.Length, output);
            offset = page.End;
        }
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("Ogg 标识需要重新分页，不支持就地写入，请使用复制模式");

    /// <summary>
    /// The signed content, page by page in file order. A Vorbis/Opus stream's header pages after its BOS page (which
    /// writing re-paginates) are replaced, where the first of them stands, by its header packets after the first:
    /// each as serial (4 bytes LE), length (8 bytes LE) and bytes, the comment packet with its AIGC entries removed.
    /// Every other page is its header without the page sequence number and CRC (bytes 0–17 and 26 onwards: version,
    /// flags, granule position, serial, lacing) and its data — sequence numbers and CRCs change when the header page
    /// count does. Audio and video packets, granules and the other comments are covered.
    /// </summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        BoundedRead.RequireSeekable(input);
        var (pages, streams, error) = ScanHeaders(input);
        if (error is not null) throw new LabelWriteException("Ogg 结构损坏：" + error);
        if (streams.Count == 0) throw new LabelWriteException("Ogg 文件中没有 Vorbis 或 Opus 流");
        if (streams.Values.Any(x => x.SharedLastPage)) throw new LabelWriteException("Ogg 头部包与音频数据共用一页，暂不支持签名");
        var buffer = new byte[65536 + 512];
        var emitted = new HashSet<uint>();
        Span<byte> number = stackalloc byte[8];
        foreach (var page in pages)
        {
            if (streams.TryGetValue(page.Serial, out var stream) && stream.Pages.Contains(page) && page != stream.Pages[0])
            {
                if (!emitted.Add(page.Serial)) continue;
                for (var i = 1; i < stream.Packets.Count; i++)
                {
                    var packet = stream.Packets[i];
                    if (i == 1)
                    {
                        var prefix = CommentPrefix(stream.Codec);
                        if (!packet.AsSpan().StartsWith(prefix)) throw new LabelWriteException("Ogg 注释包缺失");
                        var comments = VorbisComments.Parse(packet.AsSpan(prefix.Length), out var consumed, out var commentError)
                            ?? throw new LabelWriteException("Ogg 注释包损坏：" + commentError);
                        packet = [.. prefix, .. comments.WithoutLabels().ToBytes(), .. packet.AsSpan(prefix.Length + consumed)];
                    }
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(number, stream.Serial);
                    output.Write(number[..4]);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(number, packet.LongLength);
                    output.Write(number);
                    output.Write(packet);
                }
                continue;
            }
            WritePageForHash(input, page, output, buffer);
        }
        for (var offset = pages[^1].End; offset < input.Length;)
        {
            var page = OggPages.ReadHeader(input, offset, out var pageError) ?? throw new LabelWriteException("Ogg 结构损坏：" + pageError);
            WritePageForHash(input, page, output, buffer);
            offset = page.End;
        }
    }

    /// <summary>A page without its sequence number (bytes 18–21) and CRC (22–25).</summary>
    private static void WritePageForHash(Stream input, OggPage page, Stream output, byte[] buffer)
    {
        var length = (int)page.Length; // ≤ 65307
        input.Position = page.Offset;
        if (!BoundedRead.TryReadExactly(input, buffer.AsSpan(0, length))) throw new LabelWriteException($"偏移 {page.Offset} 处 Ogg 页被截断");
        output.Write(buffer, 0, 18);
        output.Write(buffer, 26, length - 26);
    }
}
