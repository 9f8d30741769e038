using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Heif;

/// <summary>Bounded parsing of HEIF/AVIF item boxes (ISO/IEC 23008-12): <c>iinf</c> and <c>iloc</c>; the boxes
/// themselves are walked by <see cref="Io.BmffBoxes"/>.</summary>
internal static class HeifItems
{
    /// <summary>The boxes in [start, end), or null with the damage (HEIF readers and writers stop at the first).</summary>
    public static List<BoxHeader>? Boxes(Stream s, long start, long end, out string? damage, bool topLevel = false)
    {
        var boxes = BmffBoxes.ReadChildren(s, start, end, out damage, topLevel);
        return damage is null ? boxes : null;
    }

    /// <summary>Item ids of <c>mime</c> items with content type application/rdf+xml (XMP), from the iinf payload.</summary>
    public static List<uint> XmpItems(byte[] iinf, out string? damage)
    {
        damage = null;
        var items = new List<uint>();
        var version = iinf.Length > 0 ? iinf[0] : 0;
        if (iinf.Length < (version == 0 ? 6 : 8)) { damage = "iinf 过短"; return items; }
        var p = 4;
        var count = version == 0
            ? BinaryPrimitives.ReadUInt16BigEndian(iinf.AsSpan(p))
            : BinaryPrimitives.ReadUInt32BigEndian(iinf.AsSpan(p));
        p += version == 0 ? 2 : 4;
        var i = 0L;
        for (; i < count && p + 8 <= iinf.Length; i++)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(iinf.AsSpan(p));
            if (size < 12 || p + size > iinf.Length) { damage = "infe 盒长度无效"; return items; }
            var infe = iinf.AsSpan(p + 8, (int)size - 8);
            p += (int)size;
            var v = infe[0];
            if (v < 2) continue;
            var q = 4;
            if (q + (v == 2 ? 2 : 4) + 6 > infe.Length) { damage = "infe 盒过短"; return items; }
            uint id = v == 2 ? BinaryPrimitives.ReadUInt16BigEndian(infe[q..]) : BinaryPrimitives.ReadUInt32BigEndian(infe[q..]);
            q += v == 2 ? 2 : 4;
            q += 2; // protection index
            var type = Encoding.Latin1.GetString(infe.Slice(q, 4));
            q += 4;
            if (type != "mime") continue;
            var rest = infe[q..];
            var nameEnd = rest.IndexOf((byte)0);
            if (nameEnd < 0) continue;
            var ct = rest[(nameEnd + 1)..];
            var ctEnd = ct.IndexOf((byte)0);
            var contentType = Encoding.ASCII.GetString(ctEnd < 0 ? ct : ct[..ctEnd]);
            if (contentType.Equals("application/rdf+xml", StringComparison.OrdinalIgnoreCase)) items.Add(id);
        }
        // The entry count and the infe boxes must agree: a reader that trusts the count would miss an item a writer
        // appended after the uncounted ones (or read a count past the box).
        if (i < count) damage = "iinf 条目数超出盒内的 infe 盒";
        else if (p + 8 <= iinf.Length) damage = "iinf 中有条目数之外的 infe 盒";
        return items;
    }

    /// <summary>One item's extents from the iloc payload: (construction method, absolute-or-idat offset, length).</summary>
    public static List<(int Method, long Offset, long Length)>? Extents(byte[] iloc, uint itemId, out string? damage)
    {
        damage = null;
        try
        {
            var version = iloc[0];
            var p = 4;
            var offsetSize = iloc[p] >> 4; var lengthSize = iloc[p] & 15;
            var baseOffsetSize = iloc[p + 1] >> 4; var indexSize = version is 1 or 2 ? iloc[p + 1] & 15 : 0;
            p += 2;
            uint count;
            if (version < 2) { count = BinaryPrimitives.ReadUInt16BigEndian(iloc.AsSpan(p)); p += 2; }
            else { count = BinaryPrimitives.ReadUInt32BigEndian(iloc.AsSpan(p)); p += 4; }
            for (var i = 0; i < count; i++)
            {
                uint id;
                if (version < 2) { id = BinaryPrimitives.ReadUInt16BigEndian(iloc.AsSpan(p)); p += 2; }
                else { id = BinaryPrimitives.ReadUInt32BigEndian(iloc.AsSpan(p)); p += 4; }
                var method = 0;
                if (version is 1 or 2) { method = BinaryPrimitives.ReadUInt16BigEndian(iloc.AsSpan(p)) & 15; p += 2; }
                p += 2; // data reference index
                var baseOffset = ReadN(iloc, ref p, baseOffsetSize);
                int extentCount = BinaryPrimitives.ReadUInt16BigEndian(iloc.AsSpan(p));
                p += 2;
                var extents = new List<(int, long, long)>();
                for (var e = 0; e < extentCount; e++)
                {
                    if (indexSize > 0) ReadN(iloc, ref p, indexSize);
                    var off = ReadN(iloc, ref p, offsetSize);
                    var len = ReadN(iloc, ref p, lengthSize);
                    extents.Add((method, baseOffset + off, len));
                }
                if (id == itemId) return extents;
            }
            return [];
        }
        catch (ArgumentOutOfRangeException) { damage = "iloc 盒被截断"; return null; }
        catch (IndexOutOfRangeException) { damage = "iloc 盒被截断"; return null; }
    }

    private static long ReadN(byte[] b, ref int p, int size)
    {
        long v = size switch
        {
            0 => 0,
            4 => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(p)),
            8 => (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(p)), long.MaxValue / 2),
            _ => throw new IndexOutOfRangeException(),
        };
        p += size;
        return v;
    }
}
