using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Tiff;

namespace Suanbei.Labels.Formats.Webp;

/// <summary>
/// WebP (RIFF). Reads the <c>XMP </c> chunk (TC260:AIGC) and an EXIF UserComment label. Writes one <c>XMP </c> chunk
/// as the last chunk and sets the VP8X XMP flag; a simple (VP8/VP8L) file gets a VP8X chunk with the canvas size read
/// from the bitstream header. In place when the file already has VP8X and no chunk after its XMP chunk: the XMP chunk
/// is (re)written at the end and the RIFF size and flag patched.
/// </summary>
public sealed class WebpFormat : IContainerFormat, IContentDigest
{
    public string Name => "webp";
    public IReadOnlyList<string> Extensions { get; } = [".webp"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8);

    public ContainerReadResult Read(Stream input)
    {
        var (chunks, damage) = WebpChunks.Walk(input);
        var labels = new List<FoundLabel>();
        foreach (var c in chunks)
        {
            labels.AddRange(WebpChunks.LabelsIn(c, out var bad));
            damage ??= bad;
        }
        return new ContainerReadResult(labels, damage);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (chunks, damage) = WebpChunks.Walk(input);
        if (damage is not null) throw new LabelWriteException("WebP 文件损坏，未写入：" + damage);
        var existing = chunks.FirstOrDefault(c => c.FourCC == "XMP ");
        var xmp = WebpChunks.XmpChunk(Xmp.Merge(existing?.Data is { } d ? Encoding.UTF8.GetString(d) : null, label));
        var body = new List<byte[]>();
        var parts = new List<(WebpChunk? Chunk, byte[]? Bytes)>();
        if (chunks[0].FourCC != "VP8X") parts.Add((null, WebpChunks.Vp8xFor(chunks[0], WebpChunks.XmpFlag)));
        foreach (var c in chunks)
        {
            if (c.FourCC == "XMP ") continue;
            if (c.FourCC == "VP8X")
            {
                var v = (byte[])c.Data!.Clone(); v[0] |= WebpChunks.XmpFlag; parts.Add(
                (null, ChunkBytes("VP8X", v))); continue;
            }
            if (c.FourCC == "EXIF" && WebpChunks.LabelsIn(c, out _)
                .Count > 0) { parts.Add((null, ChunkBytes("EXIF", BlankUserComment(c.Data!)))); continue; }
            parts.Add((c, null));
        }
        parts.Add((null, xmp));
        var riffSize = 4L + parts.Sum(p => p.Bytes?.Length ?? p.Chunk!.TotalLength);
        if (riffSize > uint.MaxValue) throw new LabelWriteException("WebP 文件过大");
        Span<byte> header = stackalloc byte[12];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)riffSize);
        "WEBP"u8.CopyTo(header[8..]);
        output.Write(header);
        foreach (var (chunk, bytes) in parts)
        {
            if (bytes is not null) { output.Write(bytes); continue; }
            input.Position = chunk!.Offset;
            if (!RangeCopy.CopyExactly(input, output, chunk.TotalLength)) throw new LabelWriteException("WebP 文件在写入时被截断");
        }
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (chunks, damage) = WebpChunks.Walk(file);
        if (damage is not null) throw new LabelWriteException("WebP 文件损坏，未写入：" + damage);
        if (chunks[0].FourCC != "VP8X") throw new LabelWriteException("简单格式 WebP 需新增 VP8X 块（移动图像数据），不能原地写入；请用 -o");
        var xmpIndex = chunks.FindIndex(c => c.FourCC == "XMP ");
        if (xmpIndex >= 0 && xmpIndex != chunks.Count - 1) throw new LabelWriteException("WebP 的 XMP 块之后还有其他块，不能原地写入；请用 -o");
        if (chunks.Any(c => c.FourCC == "EXIF" && WebpChunks.LabelsIn(c, out _).Count > 0))
            throw new LabelWriteException("WebP 的 EXIF 中已有标识，原地写入会留下两处；请用 -o");
        var existing = xmpIndex >= 0 ? chunks[xmpIndex] : null;
        var xmp = WebpChunks.XmpChunk(Xmp.Merge(existing?.Data is { } d ? Encoding.UTF8.GetString(d) : null, label));
        var at = existing?.Offset ?? chunks[^1].Offset + chunks[^1].TotalLength;
        file.Position = at;
        file.Write(xmp);
        file.SetLength(at + xmp.Length);
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)(at + xmp.Length - 8));
        file.Position = 4;
        file.Write(b);
        file.Position = chunks[0].Offset + 8;
        file.WriteByte((byte)(chunks[0].Data![0] | WebpChunks.XmpFlag));
    }

    private static byte[] ChunkBytes(string fourcc, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(fourcc, chunk.AsSpan(0, 4));
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] BlankUserComment(byte[] exif)
    {
        var data = (byte[])exif.Clone();
        var start = data.AsSpan().StartsWith("Exif\0\0"u8) ? 6 : 0;
        using var ms = new MemoryStream(data, writable: false);
        var (_, entry, _) = TiffIfd.FindUserComment(ms, start);
        if (entry is not null) data.AsSpan((int)entry.ValuePosition(start), (int)entry.ByteCount).Clear();
        return data;
    }

    /// <summary>Signature content: "WEBP" then every chunk (FourCC, size, payload, pad) in file order except chunks
    /// carrying a label (XMP with TC260:AIGC, EXIF with a UserComment label). The RIFF size is left out because
    /// relabelling changes it.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var (chunks, damage) = WebpChunks.Walk(input);
        if (damage is not null) throw new LabelWriteException("WebP 文件损坏：" + damage);
        output.Write("WEBP"u8);
        foreach (var c in chunks)
        {
            if (WebpChunks.LabelsIn(c, out _).Count > 0) continue;
            input.Position = c.Offset;
            RangeCopy.CopyExactly(input, output, c.TotalLength);
        }
    }
}
