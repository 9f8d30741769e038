using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Heif;

/// <summary>
/// Writes the label as an XMP item (ISO/IEC 23008-12 <c>mime</c> item, application/rdf+xml). The XMP bytes go into a
/// new <c>mdat</c> box appended at the end of the file; the <c>meta</c> box is rewritten with the item added to
/// <c>iinf</c>, <c>iloc</c> (all file offsets of data after <c>meta</c> shifted by the growth of <c>meta</c>) and a
/// <c>cdsc</c> reference to the primary item in <c>iref</c>. An existing XMP item is reused (its content merged) and,
/// when its data was the last <c>mdat</c>, that box is replaced. Image sequences (<c>moov</c>) are refused: their
/// chunk offsets would also need shifting.
/// </summary>
internal static class HeifWriter
{
    private sealed class IlocItem
    {
        public uint Id;
        public int Method;
        public ushort DataRef;
        public long BaseOffset;
        public List<(long Index, long Offset, long Length)> Extents = [];
    }

    private sealed record Iloc(byte Version, int OffsetSize, int LengthSize, int BaseOffsetSize, int IndexSize, List<IlocItem> Items);

    public static void Write(Stream input, Stream output, AigcLabel label)
    {
        var top = HeifItems.Boxes(input, 0, input.Length, out var damage, topLevel: true) ?? throw Fail(damage);
        if (top.Any(b => b.Type == "moov")) throw new LabelWriteException("HEIF 图像序列（含 moov）暂不支持写入标识");
        var meta = top.FirstOrDefault(b => b.Type == "meta") ?? throw Fail("缺少 meta 盒");
        var children = HeifItems.Boxes(input, meta.PayloadOffset + 4, meta.End, out damage) ?? throw Fail(damage);
        var iinfBox = children.FirstOrDefault(b => b.Type == "iinf") ?? throw Fail("缺少 iinf");
        var ilocBox = children.FirstOrDefault(b => b.Type == "iloc") ?? throw Fail("缺少 iloc");
        var pitmBox = children.FirstOrDefault(b => b.Type == "pitm") ?? throw Fail("缺少 pitm");
        var irefBox = children.FirstOrDefault(b => b.Type == "iref");
        var iinf = BmffBoxes.Payload(input, iinfBox) ?? throw Fail("iinf 无效");
        var iloc = ParseIloc(BmffBoxes.Payload(input, ilocBox) ?? throw Fail("iloc 无效"));
        var pitm = BmffBoxes.Payload(input, pitmBox) ?? throw Fail("pitm 无效");
        if (pitm.Length < 4 || pitm.Length < (pitm[0] == 0 ? 6 : 8)) throw Fail("pitm 过短");
        uint primary = pitm[0] == 0 ? BinaryPrimitives.ReadUInt16BigEndian(pitm.AsSpan(4))
            : BinaryPrimitives.ReadUInt32BigEndian(pitm.AsSpan(4));

        // Existing XMP item: reuse it (merge its packet), else a new item.
        var xmpItems = HeifItems.XmpItems(iinf, out damage);
        if (damage is not null) throw Fail(damage);
        if (xmpItems.Count > 1) throw new LabelWriteException("HEIF 含多个 XMP 项，暂不支持写入");
        string? existingXmp = null;
        IlocItem? item = null;
        BoxHeader? dropBox = null;
        if (xmpItems.Count == 1)
        {
            item = iloc.Items.FirstOrDefault(i => i.Id == xmpItems[0]) ?? throw Fail("XMP 项缺少 iloc 条目");
            existingXmp = ReadItem(input, item, children);
            if (item.Method == 0 && item.Extents.Count == 1 && top[^1].Type == "mdat" &&
                item.BaseOffset + item.Extents[0].Offset == top[^1].PayloadOffset
                    && item.Extents[0].Length == top[^1].End - top[^1].PayloadOffset)
                dropBox = top[^1];
        }
        var xmp = Encoding.UTF8.GetBytes(Xmp.Merge(existingXmp, label));
        var newIinf = iinf;
        byte[]? newIref = null;
        if (item is null)
        {
            var id = Math.Max(iloc.Items.Select(i => i.Id).DefaultIfEmpty(0u).Max(), MaxInfeId(iinf)) + 1;
            if (id > 0xFFFF && (iloc.Version < 2 || iinf[0] == 0)) throw new LabelWriteException("HEIF 项编号超出 16 位，暂不支持写入");
            item = new IlocItem { Id = id };
            iloc.Items.Add(item);
            newIinf = AddInfe(iinf, id);
            newIref = AddCdsc(irefBox is null ? null : BmffBoxes.Payload(input, irefBox), id, primary);
        }
        else if (irefBox is not null) newIref = null;
        item.Method = 0; item.DataRef = 0; item.BaseOffset = 0;
        item.Extents = [(0, 0, xmp.Length)]; // offset filled once the layout is known

        var keptEnd = dropBox?.Offset ?? input.Length;
        var offsetSize = Math.Max(iloc.OffsetSize, 4);
        var lengthSize = Math.Max(iloc.LengthSize, 4);
        if (keptEnd + xmp.Length + 1024L * 1024 > uint.MaxValue) offsetSize = lengthSize = 8;

        byte[] BuildMeta(long delta, long xmpOffset)
        {
            var shifted = iloc with
            {
                OffsetSize = offsetSize,
                LengthSize = lengthSize,
                BaseOffsetSize = iloc.BaseOffsetSize == 0 ? 0
                : Math.Max(iloc.BaseOffsetSize, 4)
            };
            var ilocPayload = WriteIloc(shifted, i =>
            {
                if (i == item) return (0, [(0, xmpOffset, xmp.Length)]);
                if (i.Method != 0 || i.DataRef != 0) return (i.BaseOffset, i.Extents);
                // Only data after the meta box moves.
                if (i.BaseOffset != 0) return (i.BaseOffset >= meta.End ? i.BaseOffset + delta : i.BaseOffset, i.Extents);
                return (0, i.Extents.Select(e => (e.Index, e.Offset >= meta.End ? e.Offset + delta : e.Offset, e.Length)).ToList());
            });
            var body = new MemoryStream();
            input.Position = meta.PayloadOffset;
            var fullBoxHeader = new byte[4];
            BoundedRead.TryReadExactly(input, fullBoxHeader);
            body.Write(fullBoxHeader);
            foreach (var c in children)
            {
                if (c == iinfBox) WriteBox(body, "iinf", newIinf);
                else if (c == ilocBox) WriteBox(body, "iloc", ilocPayload);
                else if (c == irefBox && newIref is not null) WriteBox(body, "iref", newIref);
                else { input.Position = c.Offset; RangeCopy.CopyExactly(input, body, c.End - c.Offset); }
            }
            if (irefBox is null && newIref is not null) WriteBox(body, "iref", newIref);
            var box = new MemoryStream();
            WriteBox(box, "meta", body.ToArray());
            return box.ToArray();
        }

        var sizeProbe = BuildMeta(0, 0).Length;
        var delta = sizeProbe - (meta.End - meta.Offset);
        var xmpAt = keptEnd + delta + 8;
        var newMeta = BuildMeta(delta, xmpAt);
        if (newMeta.Length != sizeProbe) throw new LabelWriteException("HEIF meta 盒大小计算不一致");

        input.Position = 0;
        RangeCopy.CopyExactly(input, output, meta.Offset);
        output.Write(newMeta);
        input.Position = meta.End;
        // A last box with size 0 ("to the end of the file") would swallow the mdat appended below: give it its size.
        if (top.FirstOrDefault(b => b.ToEnd && b != meta && b != dropBox && b.Offset >= meta.End) is { } open)
        {
            if (open.End - open.Offset > uint.MaxValue) throw new LabelWriteException("HEIF 最后一个盒大小为 0 且超过 4 GB，暂不支持写入");
            RangeCopy.CopyExactly(input, output, open.Offset - meta.End);
            IntegerWrites.WriteU32BE(output, (uint)(open.End - open.Offset));
            input.Position = open.Offset + 4;
            RangeCopy.CopyExactly(input, output, keptEnd - open.Offset - 4);
        }
        else RangeCopy.CopyExactly(input, output, keptEnd - meta.End);
        var mdat = new MemoryStream();
        WriteBox(mdat, "mdat", xmp);
        output.Write(mdat.ToArray());
    }

    private static LabelWriteException Fail(string? why) => new("HEIF 文件损坏或不受支持，未写入：" + why);

    private static string ReadItem(Stream s, IlocItem item, List<BoxHeader> children)
    {
        var idat = children.FirstOrDefault(b => b.Type == "idat");
        var data = new MemoryStream();
        foreach (var (_, off, len) in item.Extents)
        {
            long start = item.Method switch
            {
                0 => item.BaseOffset + off,
                1 when idat is not null => idat.PayloadOffset + item.BaseOffset +
                off,
                _ => -1
            };
            if (start < 0 || len < 0 || start > s.Length || len > s.Length - start || len > IoLimits.MaxMetadataItem) throw Fail(
                "XMP 项位置无效");
            s.Position = start;
            RangeCopy.CopyExactly(s, data, len);
        }
        return Encoding.UTF8.GetString(data.ToArray());
    }

    private static uint MaxInfeId(byte[] iinf)
    {
        uint max = 0;
        var p = iinf[0] == 0 ? 6 : 8;
        while (p + 14 <= iinf.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(iinf.AsSpan(p));
            if (size < 12 || p + size > iinf.Length) break;
            var v = iinf[p + 8];
            if (v >= 2 && p + (v == 2 ? 14 : 16) <= iinf.Length) max =
                Math.Max(max, v == 2 ? BinaryPrimitives.ReadUInt16BigEndian(iinf.AsSpan(p + 12))
                : BinaryPrimitives.ReadUInt32BigEndian(iinf.AsSpan(p + 12)));
            p += size;
        }
        return max;
    }

    private static byte[] AddInfe(byte[] iinf, uint id)
    {
        var infe = new MemoryStream();
        var v3 = id > 0xFFFF;
        infe.Write([(byte)(v3 ? 3 : 2), 0, 0, 0]);
        var idBytes = new byte[v3 ? 4 : 2];
        if (v3) BinaryPrimitives.WriteUInt32BigEndian(idBytes, id); else BinaryPrimitives.WriteUInt16BigEndian(idBytes, (ushort)id);
        infe.Write(idBytes);
        infe.Write([0, 0]);
        infe.Write("mime"u8);
        infe.Write("XMP\0application/rdf+xml\0"u8);
        var box = new MemoryStream();
        WriteBox(box, "infe", infe.ToArray());

        var result = (byte[])iinf.Clone();
        if (iinf[0] == 0)
        {
            var count = BinaryPrimitives.ReadUInt16BigEndian(iinf.AsSpan(4));
            if (count == 0xFFFF) throw new LabelWriteException("HEIF 项数量已达上限");
            BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)(count + 1));
        }
        else BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(4), BinaryPrimitives.ReadUInt32BigEndian(iinf.AsSpan(4)) + 1);
        return [.. result, .. box.ToArray()];
    }

    private static byte[] AddCdsc(byte[]? iref, uint from, uint to)
    {
        if (iref is { Length: < 4 }) throw Fail("iref 过短");
        var version = iref?[0] ?? (byte)(from > 0xFFFF || to > 0xFFFF ? 1 : 0);
        if (version == 0 && (from > 0xFFFF || to > 0xFFFF)) throw new LabelWriteException("HEIF iref 项编号超出 16 位");
        var entry = new MemoryStream();
        var w = version == 0 ? 2 : 4;
        var size = 8 + w + 2 + w;
        var b = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(b, (uint)size);
        "cdsc"u8.CopyTo(b.AsSpan(4));
        if (w == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(8), (ushort)from); BinaryPrimitives.WriteUInt16BigEndian(
            b.AsSpan(10), 1); BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(12), (ushort)to);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(8), from); BinaryPrimitives.WriteUInt16BigEndian(
            b.AsSpan(12), 1); BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(14), to);
        }
        return iref is null ? [version, 0, 0, 0, .. b] : [.. iref, .. b];
    }

    private static Iloc ParseIloc(byte[] d)
    {
        try
        {
            var version = d[0];
            var p = 4;
            int offsetSize = d[p] >> 4, lengthSize = d[p] & 15, baseOffsetSize = d[p + 1] >> 4, indexSize = version is 1 or 2
                ? d[p + 1] & 15 : 0;
            p += 2;
            uint count;
            if (version < 2) { count = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(p)); p += 2; }
            else { count = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(p)); p += 4; }
            var items = new List<IlocItem>();
            for (var i = 0; i < count; i++)
            {
                var it = new IlocItem();
                if (version < 2) { it.Id = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(p)); p += 2; }
                else { it.Id = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(p)); p += 4; }
                if (version is 1 or 2) { it.Method = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(p)) & 15; p += 2; }
                it.DataRef = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(p)); p += 2;
                it.BaseOffset = ReadN(d, ref p, baseOffsetSize);
                int extents = BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(p)); p += 2;
                for (var e = 0; e < extents; e++)
                {
                    var index = indexSize > 0 ? ReadN(d, ref p, indexSize) : 0;
                    var off = ReadN(d, ref p, offsetSize);
                    var len = ReadN(d, ref p, lengthSize);
                    it.Extents.Add((index, off, len));
                }
                items.Add(it);
            }
            return new Iloc(version, offsetSize, lengthSize, baseOffsetSize, indexSize, items);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException) { throw Fail("iloc 被截断"); }
    }

    private static byte[] WriteIloc(Iloc l, Func<IlocItem, (long BaseOffset, List<(long Index, long Offset, long Length)> Extents)> layout)
    {
        var ms = new MemoryStream();
        ms.Write([l.Version, 0, 0, 0]);
        ms.WriteByte((byte)((l.OffsetSize << 4) | l.LengthSize));
        ms.WriteByte((byte)((l.BaseOffsetSize << 4) | (l.Version is 1 or 2 ? l.IndexSize : 0)));
        WriteN(ms, l.Items.Count, l.Version < 2 ? 2 : 4);
        foreach (var it in l.Items)
        {
            var (baseOffset, extents) = layout(it);
            WriteN(ms, it.Id, l.Version < 2 ? 2 : 4);
            if (l.Version is 1 or 2) WriteN(ms, it.Method, 2);
            WriteN(ms, it.DataRef, 2);
            WriteN(ms, baseOffset, l.BaseOffsetSize);
            WriteN(ms, extents.Count, 2);
            foreach (var (index, off, len) in extents)
            {
                if (l.IndexSize > 0 && l.Version is 1 or 2) WriteN(ms, index, l.IndexSize);
                WriteN(ms, off, l.OffsetSize);
                WriteN(ms, len, l.LengthSize);
            }
        }
        return ms.ToArray();
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

    private static void WriteN(Stream s, long v, int size)
    {
        Span<byte> b = stackalloc byte[8];
        switch (size)
        {
            case 0: return;
            case 2:
                if (v > 0xFFFF) throw new LabelWriteException("HEIF 字段溢出"); BinaryPrimitives.WriteUInt16BigEndian(
                b, (ushort)v); s.Write(b[..2]); return;
            case 4:
                if (v > uint.MaxValue) throw new LabelWriteException("HEIF 偏移超出 32 位"); BinaryPrimitives.WriteUInt32BigEndian(
                b, (uint)v); s.Write(b[..4]); return;
            case 8: BinaryPrimitives.WriteUInt64BigEndian(b, (ulong)v); s.Write(b); return;
            default: throw new LabelWriteException($"HEIF 不支持的字段宽度 {size}");
        }
    }

    private static void WriteBox(Stream s, string type, byte[] payload)
    {
        Span<byte> h = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(h, checked((uint)(8 + payload.Length)));
        Encoding.ASCII.GetBytes(type, h[4..]);
        s.Write(h);
        s.Write(payload);
    }
}
