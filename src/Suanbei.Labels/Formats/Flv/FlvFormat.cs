using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Flv;

/// <summary>
/// FLV (Adobe FLV 10.1 annex E): the label is an <c>AIGC</c> string entry of the <c>onMetaData</c> script tag, as
/// <c>ffmpeg -metadata AIGC=…</c> writes it. Writing rebuilds that tag (other entries kept byte for byte; a new
/// tag is inserted first when the file has none) and copies every other tag; the absolute offsets in
/// <c>keyframes.filepositions</c> after the tag are shifted by its change in size.
/// </summary>
public sealed class FlvFormat : IContainerFormat, IContentDigest
{
    private const string Placement = "flv/onMetaData/AIGC";
    private const int TagHeader = 11;
    private const byte ScriptTag = 18;

    public string Name => "flv";
    public IReadOnlyList<string> Extensions { get; } = [".flv"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => head.Length >= 9 && head.StartsWith("FLV\x01"u8);

    /// <summary>One tag: offset of its header, data size, and for an onMetaData script its parsed data.</summary>
    private sealed record Tag(long Offset, int Type, int DataSize, byte[]? Data, OnMetaData? Meta)
    {
        public long End => Offset + TagHeader + DataSize + 4;
    }

    private static List<Tag>? Walk(Stream s, out long dataOffset, out string? error)
    {
        BoundedRead.RequireSeekable(s);
        error = null;
        dataOffset = 0;
        Span<byte> header = stackalloc byte[TagHeader];
        s.Position = 0;
        if (!BoundedRead.TryReadExactly(s, header[..9]) || !header.StartsWith("FLV\x01"u8)) { error = "FLV 文件头不完整"; return null; }
        dataOffset = BinaryPrimitives.ReadUInt32BigEndian(header[5..]);
        if (dataOffset < 9 || dataOffset + 4 > s.Length) { error = $"FLV 数据偏移 {dataOffset} 无效"; return null; }
        var tags = new List<Tag>();
        var pos = dataOffset + 4;
        while (pos < s.Length)
        {
            s.Position = pos;
            if (!BoundedRead.TryReadExactly(s, header)) { error = $"偏移 {pos} 处的标签头被截断"; return null; }
            var type = header[0] & 0x1F;
            var size = (header[1] << 16) | (header[2] << 8) | header[3];
            if (pos + TagHeader + size + 4 > s.Length) { error = $"偏移 {pos} 处的标签越过文件末尾"; return null; }
            byte[]? data = null;
            OnMetaData? meta = null;
            if (type == ScriptTag)
            {
                data = BoundedRead.TryRead(s, size) ?? throw new InvalidDataException("script tag");
                meta = OnMetaData.Parse(data, out var why);
                if (why is not null) { error = $"偏移 {pos} 处的 onMetaData 损坏：{why}"; return null; }
            }
            tags.Add(new Tag(pos, type, size, data, meta));
            pos += TagHeader + size + 4;
        }
        return tags;
    }

    public ContainerReadResult Read(Stream input)
    {
        var tags = Walk(input, out _, out var error);
        if (tags is null) return ContainerReadResult.Damaged(error!);
        var labels = new List<FoundLabel>();
        foreach (var t in tags.Where(t => t.Meta is not null))
            foreach (var p in t.Meta!.Pairs.Where(p => AigcKey.Matches(p.Key)))
                labels.Add(new FoundLabel(Placement, p.Text ?? ""));
        return new ContainerReadResult(labels);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var tags = Walk(input, out var dataOffset, out var error) ?? throw new LabelWriteException("FLV 结构损坏，未写入：" + error);
        var first = tags.FirstOrDefault(t => t.Meta is not null);
        foreach (var t in tags.Where(t => t != first && t.Meta is not null && t.Meta.Pairs.Any(p => AigcKey.Matches(p.Key))))
            throw new LabelWriteException($"偏移 {t.Offset} 处另有带标识的 onMetaData，暂不支持改写多个");
        byte[] newData = first is null ? Build(null, null, label) : Build(first.Data!, first.Meta, label);
        var delta = first is null ? TagHeader + newData.Length + 4L : (long)newData.Length - first.DataSize;
        if (first is not null && first.Meta!.FilePositions.Count > 0)
        {
            // Shift the keyframe offsets that point after the rebuilt tag (same-length patch of the kept bytes).
            newData = Build(ShiftPositions(first.Data!, first.Meta.FilePositions, first.Offset, delta), first.Meta, label);
        }
        if (newData.Length > 0xFFFFFF) throw new LabelWriteException("onMetaData 超过 FLV 标签的 16 MB 上限");
        var insertAt = first?.Offset ?? dataOffset + 4;
        RangeCopy.CopyRange(input, 0, insertAt, output);
        WriteScriptTag(output, newData, first is null ? null : ReadHeader(input, first.Offset));
        RangeCopy.CopyToEnd(input, first?.End ?? insertAt, output);
    }

    private static byte[] ReadHeader(Stream s, long offset)
    {
        var h = new byte[TagHeader];
        s.Position = offset;
        if (!BoundedRead.TryReadExactly(s, h)) throw new LabelWriteException("FLV 标签头读取失败");
        return h;
    }

    private static byte[] ShiftPositions(byte[] data, List<int> positions, long tagOffset, long delta)
    {
        var copy = (byte[])data.Clone();
        foreach (var at in positions)
        {
            var value = BinaryPrimitives.ReadDoubleBigEndian(copy.AsSpan(at));
            if (value > tagOffset) BinaryPrimitives.WriteDoubleBigEndian(copy.AsSpan(at), value + delta);
        }
        return copy;
    }

    /// <summary>The onMetaData data: the name, an ECMA array of the old entries without labels, the label last, the end
    /// marker and any trailing script values.</summary>
    private static byte[] Build(byte[]? data, OnMetaData? meta, AigcLabel label)
    {
        using var ms = new MemoryStream();
        ms.WriteByte(2);
        WriteU16(ms, OnMetaData.ScriptName.Length);
        ms.Write(Encoding.ASCII.GetBytes(OnMetaData.ScriptName));
        var kept = meta?.Pairs.Where(p => !AigcKey.Matches(p.Key)).ToList() ?? [];
        ms.WriteByte(8);
        IntegerWrites.WriteU32BE(ms, (uint)(kept.Count + 1));
        foreach (var p in kept) ms.Write(data.AsSpan(p.Start, p.End - p.Start));
        WriteU16(ms, AigcKey.Name.Length);
        ms.Write(Encoding.ASCII.GetBytes(AigcKey.Name));
        var value = Encoding.UTF8.GetBytes(label.ToJson());
        if (value.Length <= ushort.MaxValue) { ms.WriteByte(2); WriteU16(ms, value.Length); }
        else { ms.WriteByte(12); IntegerWrites.WriteU32BE(ms, (uint)value.Length); }
        ms.Write(value);
        ms.Write([0, 0, 9]);
        if (meta is not null) ms.Write(data.AsSpan(meta.TrailerStart));
        return ms.ToArray();
    }

    private static void WriteScriptTag(Stream output, byte[] data, byte[]? oldHeader)
    {
        var h = oldHeader ?? new byte[TagHeader];
        h[0] = ScriptTag;
        h[1] = (byte)(data.Length >> 16);
        h[2] = (byte)(data.Length >> 8);
        h[3] = (byte)data.Length;
        output.Write(h);
        output.Write(data);
        IntegerWrites.WriteU32BE(output, (uint)(TagHeader + data.Length));
    }

    private static void WriteU16(Stream s, int v)
    {
        s.WriteByte((byte)(v >> 8));
        s.WriteByte((byte)v);
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("FLV 不支持原地写入（onMetaData 变长，后续标签需移动）");

    /// <summary>Signature content: the file header, then every tag in file order — its 11-byte header and data — except
    /// onMetaData tags, which contribute their entries' raw bytes other than labels and <c>keyframes</c> (offsets
    /// that move when the label changes size). The PreviousTagSize fields are left out.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var tags = Walk(input, out var dataOffset, out var error) ?? throw new LabelWriteException("FLV 结构损坏：" + error);
        RangeCopy.CopyRange(input, 0, dataOffset, output);
        foreach (var t in tags)
        {
            if (t.Meta is { } meta)
            {
                output.Write(Encoding.ASCII.GetBytes(OnMetaData.ScriptName));
                foreach (var p in meta.Pairs.Where(p => !AigcKey.Matches(p.Key) && p.Key != "keyframes"))
                    output.Write(t.Data.AsSpan(p.Start, p.End - p.Start));
                continue;
            }
            RangeCopy.CopyRange(input, t.Offset, TagHeader + t.DataSize, output);
        }
    }
}
