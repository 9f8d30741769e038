using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Formats.Riff;

/// <summary>A top-level chunk of a RIFF form: id, absolute offset of its 8-byte header, and data size (pad excluded).</summary>
internal readonly record struct RiffChunk(string Id, long Offset, long DataSize, string? ListType)
{
    public long DataOffset => Offset + 8;
    /// <summary>End including the pad byte that keeps chunks at even offsets.</summary>
    public long PaddedEnd => DataOffset + DataSize + (DataSize & 1);
}

/// <summary>The parsed outline of a RIFF file (WAV, AVI): form type, top-level chunks, where the form ends.</summary>
internal sealed record RiffOutline(string Magic, string FormType, long RiffEnd, List<RiffChunk> Chunks, string? Error)
{
    public bool IsRf64 => Magic is "RF64" or "BW64";
}

/// <summary>Bounded walker for RIFF top-level chunks and LIST/INFO sub-chunks.</summary>
internal static class RiffChunks
{
    public const int MaxChunks = 1_000_000;
    public const int MaxInfoBytes = 16 * 1024 * 1024;

    public static string Id(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b[..4]);

    public static RiffOutline? Walk(Stream s)
    {
        Span<byte> h = stackalloc byte[12];
        s.Position = 0;
        if (!MediaIo.TryReadExactly(s, h)) return null;
        var magic = Id(h);
        if (magic is not ("RIFF" or "RF64" or "BW64")) return null;
        var formType = Id(h[8..]);
        long riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
        long? ds64Data = null;
        string? error = null;
        if (magic != "RIFF") riffEnd = s.Length; // RF64: the real size lives in ds64
        if (riffEnd > s.Length) { error = $"RIFF 大小 {riffEnd} 超出文件长度 {s.Length}（truncated）"; riffEnd = s.Length; }
        var chunks = new List<RiffChunk>();
        var offset = 12L;
        Span<byte> ch = stackalloc byte[12];
        while (offset + 8 <= riffEnd)
        {
            s.Position = offset;
            if (!MediaIo.TryReadExactly(s, ch[..8])) { error = $"偏移 {offset} 处块头被截断"; break; }
            var id = Id(ch);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(ch[4..]);
            if (id == "ds64" && size >= 24 && MediaIo.TryReadExactly(s, ch[..8]) && MediaIo.TryReadExactly(s, ch[..8]))
                ds64Data = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(ch), long.MaxValue);
            if (id == "data" && size == 0xFFFFFFFF && ds64Data is { } real) size = real;
            string? listType = null;
            if (id == "LIST" && size >= 4)
            {
                s.Position = offset + 8;
                if (MediaIo.TryReadExactly(s, ch[..4])) listType = Id(ch);
            }
            if (offset + 8 + size > riffEnd)
            {
                error = $"偏移 {offset} 处的块 {id} 大小 {size} 超出 RIFF 范围（truncated or damaged）";
                break;
            }
            chunks.Add(new RiffChunk(id, offset, size, listType));
            if (chunks.Count > MaxChunks) { error = "RIFF 块过多"; break; }
            offset += 8 + size + (size & 1);
        }
        return new RiffOutline(magic, formType, riffEnd, chunks, error);
    }

    /// <summary>The sub-chunks of a LIST/INFO chunk as (id, value bytes); null when damaged or too large.</summary>
    public static List<(string Id, byte[] Data)>? ReadInfo(Stream s, RiffChunk list, out string? error)
    {
        error = null;
        if (list.DataSize > MaxInfoBytes) { error = $"偏移 {list.Offset} 处 LIST/INFO 过大，未检查"; return null; }
        var data = MediaIo.ReadAt(s, list.DataOffset, list.DataSize, MaxInfoBytes);
        if (data is null) { error = $"偏移 {list.Offset} 处 LIST/INFO 被截断"; return null; }
        var items = new List<(string, byte[])>();
        var rest = data.AsSpan(4);
        while (rest.Length >= 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
            if (size > rest.Length - 8) { error = $"偏移 {list.Offset} 处 LIST/INFO 子块大小无效"; return items; }
            items.Add((Id(rest), rest.Slice(8, (int)size).ToArray()));
            var next = 8 + (int)size + (int)(size & 1);
            rest = next >= rest.Length ? [] : rest[next..];
        }
        return items;
    }

    public static string InfoText(byte[] data) => Encoding.UTF8.GetString(data).TrimEnd('\0');

    /// <summary>A complete LIST/INFO chunk (header included) holding <paramref name="items"/>.</summary>
    public static byte[] BuildInfoList(IEnumerable<(string Id, byte[] Data)> items)
    {
        using var ms = new MemoryStream();
        ms.Write("LIST"u8);
        MediaIo.WriteU32LE(ms, 0);
        ms.Write("INFO"u8);
        foreach (var (id, data) in items)
        {
            ms.Write(Encoding.Latin1.GetBytes(id));
            MediaIo.WriteU32LE(ms, (uint)data.Length);
            ms.Write(data);
            if ((data.Length & 1) == 1) ms.WriteByte(0);
        }
        var bytes = ms.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>The label as an INFO value: UTF-8 JSON, NUL-terminated like every INFO string.</summary>
    public static byte[] LabelValue(AigcLabel label) => [.. Encoding.UTF8.GetBytes(label.ToJson()), 0];
}
