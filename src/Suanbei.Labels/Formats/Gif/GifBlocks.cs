using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Gif;

/// <summary>A top-level GIF block (extension or image) with its byte range; XMP text loaded for the XMP extension.</summary>
internal sealed record GifBlock(long Offset, long Length, bool IsXmp, string? XmpText);

/// <summary>Bounded walker of GIF blocks (header, logical screen, colour table, extensions, images, trailer).</summary>
internal static class GifBlocks
{
    public static readonly byte[] XmpAppId = "XMP DataXMP"u8.ToArray();
    private const int MaxBlocks = 1_000_000;

    /// <summary>The XMP magic trailer (0x01, 0xFF … 0x00) and the block terminator: 258 bytes.</summary>
    public static readonly byte[] MagicTrailer = BuildTrailer();

    private static byte[] BuildTrailer()
    {
        var t = new byte[258];
        t[0] = 0x01;
        for (var k = 1; k <= 256; k++) t[k] = (byte)(0x100 - k);
        t[257] = 0;
        return t;
    }

    /// <summary>Blocks after the header; <c>HeaderLength</c> covers header, logical screen descriptor and global colour table.</summary>
    public static (long HeaderLength, List<GifBlock> Blocks, string? Damage) Walk(Stream s)
    {
        var blocks = new List<GifBlock>();
        s.Position = 0;
        Span<byte> h = stackalloc byte[13];
        if (!BoundedRead.TryReadExactly(s, h) || !h[..3].SequenceEqual("GIF"u8)) return (0, blocks, "GIF 头无效");
        var headerLength = 13L + ((h[10] & 0x80) != 0 ? 3L << ((h[10] & 7) + 1) : 0);
        if (headerLength > s.Length) return (0, blocks, "GIF 全局调色板被截断");
        s.Position = headerLength;
        // One descriptor buffer for the whole walk: a stackalloc inside the loop would grow the stack with every frame.
        Span<byte> d = stackalloc byte[9];
        while (true)
        {
            var offset = s.Position;
            var introducer = s.ReadByte();
            if (introducer < 0) return (headerLength, blocks, "GIF 缺少结尾标记（文件被截断）");
            if (introducer == 0x3B) return (headerLength, blocks, null);
            if (blocks.Count >= MaxBlocks) return (headerLength, blocks, "GIF 块数量过多");
            if (introducer == 0x21)
            {
                var label = s.ReadByte();
                if (label < 0) return (headerLength, blocks, "GIF 扩展块被截断");
                var isXmp = false;
                long dataStart = s.Position;
                if (label == 0xFF)
                {
                    var size = s.ReadByte();
                    if (size == 11)
                    {
                        var id = new byte[11];
                        if (!BoundedRead.TryReadExactly(s, id)) return (headerLength, blocks, "GIF 应用扩展被截断");
                        isXmp = id.AsSpan().SequenceEqual(XmpAppId);
                        dataStart = s.Position;
                    }
                    else s.Position = dataStart;
                }
                if (!SkipSubBlocks(s)) return (headerLength, blocks, $"GIF 扩展块在偏移 {offset} 处被截断");
                string? xmp = null;
                if (isXmp)
                {
                    var rawLength = s.Position - dataStart;
                    if (rawLength > IoLimits.MaxMetadataItem) return (headerLength, blocks, "GIF XMP 过大");
                    var end = s.Position;
                    s.Position = dataStart;
                    var raw = new byte[rawLength];
                    BoundedRead.TryReadExactly(s, raw);
                    s.Position = end;
                    var textLength = raw.AsSpan().EndsWith(MagicTrailer) ? raw.Length - MagicTrailer.Length : raw.Length;
                    xmp = Encoding.UTF8.GetString(raw, 0, textLength);
                }
                blocks.Add(new GifBlock(offset, s.Position - offset, isXmp, xmp));
            }
            else if (introducer == 0x2C)
            {
                if (!BoundedRead.TryReadExactly(s, d)) return (headerLength, blocks, "GIF 图像描述符被截断");
                if ((d[8] & 0x80) != 0) s.Position += 3L << ((d[8] & 7) + 1);
                if (s.Position >= s.Length || s.ReadByte() < 0) return (headerLength, blocks, "GIF 图像数据被截断");
                if (!SkipSubBlocks(s)) return (headerLength, blocks, $"GIF 图像数据在偏移 {offset} 处被截断");
                blocks.Add(new GifBlock(offset, s.Position - offset, false, null));
            }
            else return (headerLength, blocks, $"GIF 在偏移 {offset} 处有未知块 0x{introducer:X2}");
        }
    }

    private static bool SkipSubBlocks(Stream s)
    {
        var length = s.Length;
        while (true)
        {
            var n = s.ReadByte();
            if (n < 0) return false;
            if (n == 0) return true;
            if (s.Position + n > length) return false;
            s.Position += n;
        }
    }

    public static List<FoundLabel> LabelsIn(GifBlock b) =>
        b.IsXmp && b.XmpText is not null ? Xmp.FindAigcValues(b.XmpText).Select(v => new FoundLabel("gif/XMP", v)).ToList() : [];

    public static byte[] XmpExtension(string packet)
    {
        var ms = new MemoryStream();
        ms.Write([0x21, 0xFF, 0x0B]);
        ms.Write(XmpAppId);
        ms.Write(Encoding.UTF8.GetBytes(packet.Replace("\0", "")));
        ms.Write(MagicTrailer);
        return ms.ToArray();
    }
}
