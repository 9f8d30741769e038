using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Tiff;

namespace Suanbei.Labels.Formats.Jpeg;

/// <summary>
/// JPEG. Reads APP1 XMP (TC260:AIGC) and the EXIF UserComment (0x9286) holding <c>{"AIGC":{…}}</c>.
/// Writes one APP1 XMP segment after SOI / APP0 / APP1 Exif, merging any existing XMP; an older label in the
/// EXIF UserComment is overwritten with blanks (same length, no other EXIF byte moves) so only one label remains.
/// </summary>
public sealed class JpegFormat : IContainerFormat, IContentDigest
{
    private const int MaxXmpPayload = 65535 - 2 - 29;

    public string Name => "jpeg";
    public IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".jpe", ".jfif"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8
        && head[2] == 0xFF;

    public ContainerReadResult Read(Stream input)
    {
        var (segments, _, damage) = JpegSegments.Walk(input, app1Only: true);
        var labels = new List<FoundLabel>(1);
        foreach (var seg in segments)
        {
            JpegSegments.AddLabels(seg, labels, out var bad);
            damage ??= bad;
        }
        return new ContainerReadResult(labels, damage);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (segments, scanStart, damage) = JpegSegments.Walk(input);
        if (damage is not null) throw new LabelWriteException("JPEG 文件损坏，未写入：" + damage);
        string? existingXmp = null;
        JpegSegment? mergedXmp = null;
        foreach (var seg in segments.Where(s => s.IsXmp))
        {
            existingXmp = Encoding.UTF8.GetString(seg.Data.AsSpan(JpegSegments.XmpHeader.Length));
            mergedXmp = seg;
            break;
        }
        var packet = Encoding.UTF8.GetBytes(Xmp.Merge(existingXmp, label));
        if (packet.Length > MaxXmpPayload) packet = Encoding.UTF8.GetBytes(Xmp.BuildPacket(label));
        var xmpSegment = new byte[4 + JpegSegments.XmpHeader.Length + packet.Length];
        xmpSegment[0] = 0xFF; xmpSegment[1] = 0xE1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(xmpSegment.AsSpan(2), (ushort)(xmpSegment.Length - 2));
        JpegSegments.XmpHeader.CopyTo(xmpSegment, 4);
        packet.CopyTo(xmpSegment, 4 + JpegSegments.XmpHeader.Length);

        output.Write([0xFF, 0xD8]);
        var inserted = false;
        foreach (var seg in segments)
        {
            if (!inserted && !(seg.Marker == 0xE0 || seg.IsExif))
            {
                output.Write(xmpSegment);
                inserted = true;
            }
            if (seg == mergedXmp) continue;
            if (seg.IsXmp && JpegSegments.LabelsIn(seg, out _).Count > 0) continue;
            if (seg.IsExif && JpegSegments.LabelsIn(seg, out _).Count > 0)
            {
                output.Write(BlankUserComment(seg));
                continue;
            }
            input.Position = seg.Offset;
            RangeCopy.CopyExactly(input, output, seg.TotalLength);
        }
        if (!inserted) output.Write(xmpSegment);
        input.Position = scanStart;
        input.CopyTo(output, 81920);
    }

    /// <summary>The segment with its UserComment value replaced by an empty comment of the same length.</summary>
    private static byte[] BlankUserComment(JpegSegment seg)
    {
        var data = seg.Data.ToArray();
        using var ms = new MemoryStream(data, writable: false);
        var (_, entry, _) = TiffIfd.FindUserComment(ms, JpegSegments.ExifHeader.Length);
        if (entry is not null)
        {
            var pos = entry.ValuePosition(JpegSegments.ExifHeader.Length);
            data.AsSpan((int)pos, (int)entry.ByteCount).Clear(); // character code "undefined", empty text
        }
        var segment = new byte[4 + data.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(data.Length + 2));
        data.CopyTo(segment, 4);
        return segment;
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("JPEG 不支持原地写入（APP1 段须位于扫描数据之前）");

    /// <summary>Signature content: every byte of the file except APP1 segments (marker, length, payload) that carry
    /// a label (XMP with TC260:AIGC, Exif whose UserComment holds a label).</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var (segments, scanStart, damage) = JpegSegments.Walk(input);
        if (damage is not null) throw new LabelWriteException("JPEG 文件损坏：" + damage);
        output.Write([0xFF, 0xD8]);
        foreach (var seg in segments)
        {
            if (seg.Marker == 0xE1 && JpegSegments.LabelsIn(seg, out _).Count > 0) continue;
            input.Position = seg.Offset;
            RangeCopy.CopyExactly(input, output, seg.TotalLength);
        }
        input.Position = scanStart;
        input.CopyTo(output);
    }
}
