using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Tiff;

namespace Suanbei.Labels.Formats.Jpeg;

/// <summary>A marker segment before SOS; <see cref="Data"/> (payload after the length) is loaded for APP1 only — a view
/// of the file's bytes when they are in memory (<see cref="BoundedRead.TryReadSegment"/>), a copy otherwise.</summary>
internal sealed record JpegSegment(long Offset, byte Marker, int Length, ArraySegment<byte> Data)
{
    /// <summary>Marker (2) + length field + payload.</summary>
    public long TotalLength => 2 + Length;
    public bool HasData => Data.Array is not null;
    public bool IsXmp => Marker == 0xE1 && HasData && Data.AsSpan().StartsWith(JpegSegments.XmpHeader);
    public bool IsExif => Marker == 0xE1 && HasData && Data.AsSpan().StartsWith(JpegSegments.ExifHeader);
}

/// <summary>Bounded segment walker up to the first SOS (metadata never follows the scan in practice).</summary>
internal static class JpegSegments
{
    public static readonly byte[] XmpHeader = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0");
    public static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();
    public const int MaxSegments = 10_000;

    /// <summary>Segments from SOI to SOS; <c>ScanStart</c> is the SOS marker offset (or end of file when absent). With
    /// <paramref name="app1Only"/> (the readers') the walk, its checks and its damage are the same, but only the APP1
    /// segments are listed.</summary>
    public static (List<JpegSegment> Segments, long ScanStart, string? Damage) Walk(Stream s, bool app1Only = false)
    {
        var list = new List<JpegSegment>(app1Only ? 2 : 16);
        var walked = 0;
        s.Position = 0;
        Span<byte> b = stackalloc byte[4];
        if (!BoundedRead.TryReadExactly(s, b[..2]) || b[0] != 0xFF || b[1] != 0xD8) return (list, 0, "JPEG 缺少 SOI 标记");
        var length = s.Length;
        while (true)
        {
            var offset = s.Position;
            if (offset >= length) return (list, offset, "JPEG 在扫描数据之前结束（文件被截断）");
            var ff = s.ReadByte();
            if (ff != 0xFF) return (list, offset, $"JPEG 在偏移 {offset} 处应为标记");
            int marker;
            do marker = s.ReadByte(); while (marker == 0xFF);
            if (marker < 0) return (list, offset, "JPEG 标记被截断");
            var markerOffset = s.Position - 2;
            if (marker == 0xDA || marker == 0xD9) return (list, markerOffset, null);
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) continue;
            if (!BoundedRead.TryReadExactly(s, b[..2])) return (list, offset, "JPEG 段长度被截断");
            var len = BinaryPrimitives.ReadUInt16BigEndian(b);
            if (len < 2) return (list, offset, $"JPEG 段在偏移 {offset} 处长度 {len} 无效");
            if (markerOffset + 2 + len > length) return (list, offset, $"JPEG 段在偏移 {offset} 处超出文件末尾");
            if (walked++ >= MaxSegments) return (list, offset, "JPEG 段数量过多");
            ArraySegment<byte> data = default;
            if (marker == 0xE1) data = BoundedRead.TryReadSegment(s, len - 2);
            else s.Position = markerOffset + 2 + len;
            if (marker == 0xE1 || !app1Only) list.Add(new JpegSegment(markerOffset, (byte)marker, len, data));
        }
    }

    /// <summary>Labels in one APP1 segment.</summary>
    public static List<FoundLabel> LabelsIn(JpegSegment seg, out string? damage)
    {
        var found = new List<FoundLabel>();
        AddLabels(seg, found, out damage);
        return found;
    }

    /// <summary><see cref="LabelsIn"/> added to <paramref name="found"/>; the XMP packet is scanned as the bytes stored.</summary>
    public static void AddLabels(JpegSegment seg, List<FoundLabel> found, out string? damage)
    {
        damage = null;
        if (seg.IsXmp)
        {
            // Indexed: a foreach over the interface allocates an enumerator per file.
            var values = Xmp.FindAigcValues(seg.Data.AsSpan(XmpHeader.Length));
            for (var i = 0; i < values.Count; i++) found.Add(new FoundLabel("jpeg/APP1/XMP", values[i]));
        }
        else if (seg.IsExif)
        {
            using var ms = new MemoryStream(seg.Data.Array!, seg.Data.Offset, seg.Data.Count, writable: false);
            var (text, _, bad) = TiffIfd.FindUserComment(ms, ExifHeader.Length);
            if (bad is not null) damage = "JPEG " + bad;
            if (AigcKey.IsLabelComment(text))
                found.Add(new FoundLabel("jpeg/APP1/Exif/UserComment", text));
        }
    }
}
