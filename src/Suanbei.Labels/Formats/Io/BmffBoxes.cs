using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Formats.Io;

/// <summary>
/// The one bounded ISO BMFF (ISO/IEC 14496-12) box walker, shared by MP4/QuickTime and HEIF/AVIF: box headers of a
/// byte range streamed from the file (no payload is read), every size checked against its container.
/// </summary>
internal static class BmffBoxes
{
    public const int MaxChildren = 1_000_000;
    public const int MaxDepth = 16;

    /// <summary>The XMP uuid (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC) as stored in a <c>uuid</c> box.</summary>
    public static readonly byte[] XmpUuid = Convert.FromHexString("BE7ACFCB97A942E89C71999491E3AFAC");

    public static string TypeOf(ReadOnlySpan<byte> fourcc) => Encoding.Latin1.GetString(fourcc);

    /// <summary>The boxes between <paramref name="start"/> and <paramref name="end"/>; on damage, the boxes before it
    /// and an error naming the offset. A size of 0 means "to the end of the file" (§4.2) and is accepted at the top
    /// level only: inside a box it would swallow the boxes after it.</summary>
    public static List<BoxHeader> ReadChildren(Stream s, long start, long end, out string? error, bool topLevel = true)
    {
        var boxes = new List<BoxHeader>();
        error = null;
        Span<byte> h = stackalloc byte[16];
        var offset = start;
        while (offset < end)
        {
            if (end - offset < 8) { error = $"偏移 {offset} 处的盒子头不完整（truncated box header）"; return boxes; }
            s.Position = offset;
            if (!BoundedRead.TryReadExactly(s, h[..8])) { error = $"偏移 {offset} 处文件意外结束（truncated）"; return boxes; }
            long size = BinaryPrimitives.ReadUInt32BigEndian(h);
            var type = TypeOf(h.Slice(4, 4));
            var headerSize = 8;
            if (size == 1)
            {
                if (end - offset < 16 || !BoundedRead.TryReadExactly(s, h.Slice(8, 8)))
                {
                    error = $"偏移 {offset} 处 64 位盒子大小不完整";
                    return boxes;
                }
                var large = BinaryPrimitives.ReadUInt64BigEndian(h.Slice(8, 8));
                if (large > long.MaxValue) { error = $"偏移 {offset} 处盒子 {Printable(type)} 大小无效"; return boxes; }
                size = (long)large;
                headerSize = 16;
            }
            var toEnd = size == 0;
            if (toEnd && !topLevel)
            {
                error = $"偏移 {offset} 处盒子 {Printable(type)} 大小为 0（只允许用于文件最后一个顶层盒子）";
                return boxes;
            }
            if (toEnd) size = end - offset;
            if (size < headerSize) { error = $"偏移 {offset} 处盒子 {Printable(type)} 大小 {size} 小于头部"; return boxes; }
            if (size > end - offset)
            {
                error = $"偏移 {offset} 处盒子 {Printable(type)} 大小 {size} 超出容器（truncated or damaged）";
                return boxes;
            }
            boxes.Add(new BoxHeader(offset, size, headerSize, type, toEnd));
            if (boxes.Count > MaxChildren) { error = $"偏移 {start} 处子盒子过多"; return boxes; }
            offset += size;
        }
        return boxes;
    }

    /// <summary>The payload of a box, or null when it is larger than <paramref name="limit"/> or cut short.</summary>
    public static byte[]? Payload(Stream s, BoxHeader b, int limit = IoLimits.MaxMetadataItem) =>
        BoundedRead.ReadAt(s, b.PayloadOffset, b.PayloadSize, limit);

    public static string Printable(string type) =>
        type.All(c => c >= 0x20 && c < 0x7F) ? type : "0x" + Convert.ToHexString(Encoding.Latin1.GetBytes(type));

    /// <summary>Bytes to skip at the start of a <c>meta</c> payload: 4 (ISO FullBox version/flags) or 0 (QuickTime
    /// style, where a child box header follows directly).</summary>
    public static int MetaPrefix(ReadOnlySpan<byte> payloadStart) =>
        payloadStart.Length >= 8 && TypeOf(payloadStart.Slice(4, 4)) == "hdlr" ? 0 : 4;
}
