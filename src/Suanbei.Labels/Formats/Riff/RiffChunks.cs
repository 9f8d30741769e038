using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

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

    /// <summary>RF64/BW64: the ds64 chunk (always the first chunk when the outline has no error).</summary>
    public RiffChunk? Ds64Chunk => IsRf64 && Chunks.Count > 0 && Chunks[0].Id == "ds64" ? Chunks[0] : null;

    /// <summary>Where the form ends including its pad byte when the file has it (what follows is not ours).</summary>
    public long PaddedRiffEnd(long fileLength) => RiffEnd + ((RiffEnd & 1) == 1 && fileLength > RiffEnd ? 1 : 0);
}

/// <summary>The 64-bit sizes of an RF64/BW64 file (EBU Tech 3306 ds64): the RIFF size (file length − 8), the data
/// chunk size, and the table of other chunks whose 32-bit size is 0xFFFFFFFF.</summary>
internal sealed record Ds64(long RiffSize, long DataSize, IReadOnlyDictionary<string, long> Table);

/// <summary>Bounded walker for RIFF top-level chunks and LIST/INFO sub-chunks.</summary>
internal static class RiffChunks
{
    public const int MaxChunks = 1_000_000;

    public static string Id(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b[..4]);

    public static RiffOutline? Walk(Stream s)
    {
        Span<byte> h = stackalloc byte[12];
        s.Position = 0;
        if (!BoundedRead.TryReadExactly(s, h)) return null;
        var magic = Id(h);
        if (magic is not ("RIFF" or "RF64" or "BW64")) return null;
        var formType = Id(h[8..]);
        long riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
        Ds64? ds64 = null;
        string? error = null;
        if (magic != "RIFF")
        {
            // RF64/BW64 (EBU Tech 3306, ITU-R BS.2088): the 32-bit sizes are 0xFFFFFFFF and the real ones live in ds64.
            ds64 = ReadDs64(s, out error);
            riffEnd = ds64 is null ? s.Length : 8 + ds64.RiffSize;
        }
        if (riffEnd > s.Length) { error ??= $"RIFF 大小 {riffEnd} 超出文件长度 {s.Length}（truncated）"; riffEnd = s.Length; }
        var chunks = new List<RiffChunk>();
        var offset = 12L;
        Span<byte> ch = stackalloc byte[12];
        while (offset + 8 <= riffEnd)
        {
            s.Position = offset;
            if (!BoundedRead.TryReadExactly(s, ch[..8])) { error ??= $"偏移 {offset} 处块头被截断"; break; }
            var id = Id(ch);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(ch[4..]);
            if (ds64 is not null && size == 0xFFFFFFFF)
            {
                long? real = id == "data" ? ds64.DataSize : ds64.Table.TryGetValue(id, out var t) ? t : null;
                if (real is not { } r) { error ??= $"偏移 {offset} 处的块 {id} 大小为 0xFFFFFFFF，但 ds64 中没有它的实际大小"; break; }
                size = r;
            }
            string? listType = null;
            if (id == "LIST" && size >= 4)
            {
                s.Position = offset + 8;
                if (BoundedRead.TryReadExactly(s, ch[..4])) listType = Id(ch);
            }
            if (size > riffEnd - offset - 8) // written this way round: a 64-bit size must not overflow the sum
            {
                error ??= $"偏移 {offset} 处的块 {id} 大小 {size} 超出 RIFF 范围（truncated or damaged）";
                break;
            }
            chunks.Add(new RiffChunk(id, offset, size, listType));
            if (chunks.Count > MaxChunks) { error ??= "RIFF 块过多"; break; }
            offset += 8 + size + (size & 1);
        }
        return new RiffOutline(magic, formType, riffEnd, chunks, error);
    }

    /// <summary>Largest ds64 chunk read (28 bytes plus a table of 12-byte entries for other chunks over 4 GB).</summary>
    public const int MaxDs64Bytes = 64 * 1024;

    /// <summary>The ds64 chunk that must come first in an RF64/BW64 file; null with <paramref name="error"/> when it
    /// is missing or damaged.</summary>
    private static Ds64? ReadDs64(Stream s, out string? error)
    {
        error = null;
        Span<byte> header = stackalloc byte[8];
        s.Position = 12;
        if (!BoundedRead.TryReadExactly(s, header) || Id(header) != "ds64") { error = "RF64 文件缺少 ds64 块（damaged）"; return null; }
        var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (size < 24 || size > MaxDs64Bytes) { error = $"ds64 块大小 {size} 无效"; return null; }
        var data = BoundedRead.ReadAt(s, 20, size, MaxDs64Bytes);
        if (data is null) { error = "ds64 块被截断"; return null; }
        var riffSize = BinaryPrimitives.ReadUInt64LittleEndian(data);
        var dataSize = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(8));
        if (riffSize > long.MaxValue - 8 || dataSize > long.MaxValue) { error = "ds64 中的大小超出范围"; return null; }
        if (riffSize < 12 + size) { error = $"ds64 中的 RIFF 大小 {riffSize} 小于 ds64 块本身（damaged）"; return null; }
        var table = new Dictionary<string, long>();
        var entries = size >= 28 ? BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(24)) : 0;
        if (entries > (size - 28) / 12) { error = $"ds64 表项数 {entries} 超出块大小"; return null; }
        for (var i = 0; i < entries; i++)
        {
            var entry = data.AsSpan(28 + 12 * i);
            var chunkSize = BinaryPrimitives.ReadUInt64LittleEndian(entry[4..]);
            if (chunkSize > long.MaxValue) { error = "ds64 表中的大小超出范围"; return null; }
            table.TryAdd(Id(entry), (long)chunkSize);
        }
        return new Ds64((long)riffSize, (long)dataSize, table);
    }

    /// <summary>The sub-chunks of a LIST/INFO chunk as (id, value bytes); null when damaged or too large.</summary>
    public static List<(string Id, byte[] Data)>? ReadInfo(Stream s, RiffChunk list, out string? error)
    {
        error = null;
        if (list.DataSize > IoLimits.MaxMetadataItem) { error = $"偏移 {list.Offset} 处 LIST/INFO 过大，未检查"; return null; }
        var data = BoundedRead.ReadAt(s, list.DataOffset, list.DataSize, IoLimits.MaxMetadataItem);
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
        IntegerWrites.WriteU32LE(ms, 0);
        ms.Write("INFO"u8);
        foreach (var (id, data) in items)
        {
            ms.Write(Encoding.Latin1.GetBytes(id));
            IntegerWrites.WriteU32LE(ms, (uint)data.Length);
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
