using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Tiff;

namespace Suanbei.Labels.Formats.Webp;

/// <summary>A RIFF chunk of a WebP file; <see cref="Data"/> is loaded for VP8X, XMP, EXIF and the first bytes of VP8/VP8L.</summary>
internal sealed record WebpChunk(long Offset, string FourCC, uint Size, byte[]? Data)
{
    /// <summary>Header (8) + payload + pad byte to an even size.</summary>
    public long TotalLength => 8L + Size + (Size & 1);
}

/// <summary>Bounded walker of the WebP RIFF chunk list.</summary>
internal static class WebpChunks
{
    public const byte XmpFlag = 0x04;
    public const byte AlphaFlag = 0x10;
    private const int MaxChunks = 100_000;

    public static (List<WebpChunk> Chunks, string? Damage) Walk(Stream s)
    {
        var chunks = new List<WebpChunk>();
        s.Position = 0;
        Span<byte> h = stackalloc byte[12];
        if (!BoundedRead.TryReadExactly(s, h) || !h[..4].SequenceEqual("RIFF"u8) || !h[8..12].SequenceEqual("WEBP"u8)) return (
            chunks, "WebP RIFF 头无效");
        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
        if (riffEnd > s.Length) return (chunks, "WebP RIFF 长度超出文件末尾（文件被截断）");
        var pos = 12L;
        while (pos + 8 <= riffEnd)
        {
            s.Position = pos;
            BoundedRead.TryReadExactly(s, h[..8]);
            var fourcc = Encoding.ASCII.GetString(h[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(h[4..8]);
            var total = 8L + size + (size & 1);
            if (pos + 8 + size > riffEnd) return (chunks, $"WebP 块 {Sanitize(fourcc)} 在偏移 {pos} 处超出 RIFF 末尾");
            if (chunks.Count >= MaxChunks) return (chunks, "WebP 块数量过多");
            byte[]? data = fourcc switch
            {
                "VP8X" or "XMP " or "EXIF" => BoundedRead.TryRead(s, size),
                "VP8 " or "VP8L" => BoundedRead.TryRead(s, Math.Min(size, 16u)),
                _ => [],
            };
            if (data is null) return (chunks, $"WebP 块 {fourcc} 过大");
            chunks.Add(new WebpChunk(pos, fourcc, size, fourcc is "VP8X" or "XMP " or "EXIF" or "VP8 " or "VP8L" ? data : null));
            pos += total;
        }
        if (chunks.Count == 0 || chunks[0].FourCC is not ("VP8X" or "VP8 " or "VP8L")) return (chunks, "WebP 缺少图像块");
        return (chunks, null);
    }

    public static List<FoundLabel> LabelsIn(WebpChunk c, out string? damage)
    {
        damage = null;
        var found = new List<FoundLabel>();
        if (c.FourCC == "XMP " && c.Data is not null)
            found.AddRange(Xmp.FindAigcValues(Encoding.UTF8.GetString(c.Data)).Select(v => new FoundLabel("webp/XMP", v)));
        else if (c.FourCC == "EXIF" && c.Data is not null)
        {
            // Some writers keep the JPEG "Exif\0\0" prefix.
            var start = c.Data.AsSpan().StartsWith("Exif\0\0"u8) ? 6 : 0;
            using var ms = new MemoryStream(c.Data, writable: false);
            var (text, _, bad) = TiffIfd.FindUserComment(ms, start);
            if (bad is not null) damage = "WebP " + bad;
            if (AigcKey.IsLabelComment(text)) found.Add(new FoundLabel("webp/EXIF/UserComment", text));
        }
        return found;
    }

    /// <summary>A VP8X chunk for a simple (VP8/VP8L) file, canvas size from the bitstream header.</summary>
    public static byte[] Vp8xFor(WebpChunk image, byte flags)
    {
        int width, height;
        var d = image.Data ?? throw new LabelWriteException("WebP 图像块为空");
        if (image.FourCC == "VP8 ")
        {
            if (d.Length < 10 || d[3] != 0x9D || d[4] != 0x01 || d[5] != 0x2A) throw new LabelWriteException("WebP VP8 帧头无效");
            width = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(6)) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(8)) & 0x3FFF;
        }
        else
        {
            if (d.Length < 5 || d[0] != 0x2F) throw new LabelWriteException("WebP VP8L 头无效");
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(1));
            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
            if (((bits >> 28) & 1) != 0) flags |= AlphaFlag;
        }
        var chunk = new byte[18];
        "VP8X"u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), 10);
        chunk[8] = flags;
        WriteUInt24(chunk.AsSpan(12), width - 1);
        WriteUInt24(chunk.AsSpan(15), height - 1);
        return chunk;
    }

    public static byte[] XmpChunk(string packet)
    {
        var data = Encoding.UTF8.GetBytes(packet);
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        "XMP "u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    private static void WriteUInt24(Span<byte> b, int v) { b[0] = (byte)v; b[1] = (byte)(v >> 8); b[2] = (byte)(v >> 16); }

    private static string Sanitize(string s) => new(s.Select(c => char.IsAsciiLetterOrDigit(c) || c == ' ' ? c : '?').ToArray());
}
