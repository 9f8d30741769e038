using System.Buffers.Binary;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Mp4;

/// <summary>
/// Absolute file offsets in fragmented MP4 that move when a leading moov changes size: <c>tfhd</c>
/// base_data_offset (ffmpeg sets it unless <c>default_base_moof</c>) and <c>mfra/tfra</c> moof offsets. Patched in the
/// raw bytes (sizes never change); <c>trun</c> data offsets and <c>sidx</c> references are relative and stay valid.
/// </summary>
internal static class Mp4Fragments
{
    /// <summary>Adds <paramref name="delta"/> to every tfhd base_data_offset ≥ <paramref name="threshold"/> in a moof box
    /// (header included).</summary>
    public static void ShiftMoof(Span<byte> moof, long threshold, long delta) => MapMoof(moof, o => o >= threshold ? o + delta : o);

    /// <summary>Adds <paramref name="delta"/> to every tfra moof_offset ≥ <paramref name="threshold"/> in an mfra box.</summary>
    public static void ShiftMfra(Span<byte> mfra, long threshold, long delta) => MapMfra(mfra, o => o >= threshold ? o + delta : o);

    /// <summary>Replaces every tfhd base_data_offset of a moof box (header included) by <paramref name="map"/>(offset).</summary>
    public static void MapMoof(Span<byte> moof, Func<long, long> map)
    {
        foreach (var (trafStart, trafEnd) in Children(moof, HeaderLength(moof), moof.Length, "traf"))
            foreach (var (tfhdStart, tfhdEnd) in Children(moof, trafStart + HeaderLength(moof[trafStart..]), trafEnd, "tfhd"))
            {
                var p = moof[(tfhdStart + 8)..tfhdEnd];
                if (p.Length < 16 || (p[3] & 0x01) == 0) continue; // base-data-offset-present
                var o = (long)BinaryPrimitives.ReadUInt64BigEndian(p[8..]);
                BinaryPrimitives.WriteUInt64BigEndian(p[8..], (ulong)map(o));
            }
    }

    /// <summary>Replaces every tfra moof_offset of an mfra box by <paramref name="map"/>(offset).</summary>
    public static void MapMfra(Span<byte> mfra, Func<long, long> map)
    {
        foreach (var (start, end) in Children(mfra, HeaderLength(mfra), mfra.Length, "tfra"))
        {
            var p = mfra[(start + 8)..end];
            if (p.Length < 16) throw new FormatException("tfra 过短");
            var version = p[0];
            var sizes = p[11];
            var entry = (version == 1 ? 16 : 8) + ((sizes >> 4) & 3) + 1 + ((sizes >> 2) & 3) + 1 + (sizes & 3) + 1;
            var count = BinaryPrimitives.ReadUInt32BigEndian(p[12..]);
            if (count > (p.Length - 16) / entry) throw new FormatException("tfra 条目数超出盒子");
            for (var k = 0; k < count; k++)
            {
                var at = 16 + k * entry + (version == 1 ? 8 : 4);
                if (version == 1)
                {
                    var o = (long)BinaryPrimitives.ReadUInt64BigEndian(p[at..]);
                    BinaryPrimitives.WriteUInt64BigEndian(p[at..], (ulong)map(o));
                }
                else
                {
                    var o = map(BinaryPrimitives.ReadUInt32BigEndian(p[at..]));
                    if (o is < 0 or > uint.MaxValue) throw new LabelWriteException("tfra 偏移将超过 32 位，无法写入");
                    BinaryPrimitives.WriteUInt32BigEndian(p[at..], (uint)o);
                }
            }
        }
    }

    private static int HeaderLength(ReadOnlySpan<byte> box) => BinaryPrimitives.ReadUInt32BigEndian(box) == 1 ? 16 : 8;

    /// <summary>(start, end) of the direct children of the given type within [from, to).</summary>
    private static List<(int Start, int End)> Children(ReadOnlySpan<byte> data, int from, int to, string type)
    {
        var list = new List<(int, int)>();
        var o = from;
        while (o + 8 <= to)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data[o..]);
            if (size == 1 && o + 16 <= to) size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data[(o + 8)..]), int.MaxValue);
            else if (size == 0) size = to - o;
            if (size < 8 || size > to - o) throw new FormatException("分片内盒子大小无效");
            if (BmffBoxes.TypeOf(data.Slice(o + 4, 4)) == type) list.Add((o, o + (int)size));
            o += (int)size;
        }
        return list;
    }
}
