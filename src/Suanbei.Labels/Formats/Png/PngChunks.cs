using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Png;

/// <summary>One PNG chunk; <see cref="Data"/> is loaded only for text chunks (tEXt, zTXt, iTXt).</summary>
internal sealed record PngChunk(long Offset, uint Length, string Type, byte[]? Data)
{
    public long TotalLength => 12L + Length;
    public bool IsText => Type is "tEXt" or "zTXt" or "iTXt";
}

/// <summary>Bounded chunk walker: reads headers, seeks past payload chunks, loads and CRC-checks text chunks.</summary>
internal static class PngChunks
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    public const string XmpKeyword = "XML:com.adobe.xmp";
    private const int MaxChunks = 2_000_000;

    public static (List<PngChunk> Chunks, string? Damage) Walk(Stream s)
    {
        var chunks = new List<PngChunk>();
        s.Position = 0;
        Span<byte> head = stackalloc byte[8];
        if (!BoundedRead.TryReadExactly(s, head) || !head.SequenceEqual(Signature)) return (chunks, "PNG 签名不正确");
        var length = s.Length;
        while (true)
        {
            var offset = s.Position;
            if (offset == length) return (chunks, "PNG 缺少 IEND 块（文件被截断）");
            if (!BoundedRead.TryReadExactly(s, head)) return (chunks, $"PNG 块头在偏移 {offset} 处被截断");
            var len = BinaryPrimitives.ReadUInt32BigEndian(head);
            var type = TypeName(head[4..8]);
            if (len > int.MaxValue) return (chunks, $"PNG 块 {Sanitize(type)} 在偏移 {offset} 处的长度 {len} 超出规范上限");
            if (offset + 12L + len > length) return (chunks, $"PNG 块 {Sanitize(type)} 在偏移 {offset} 处超出文件末尾（文件被截断或长度字段损坏）");
            if (!IsAsciiLetters(head[4..8])) return (chunks, $"PNG 块类型在偏移 {offset} 处无效");
            if (chunks.Count >= MaxChunks) return (chunks, "PNG 块数量过多");
            byte[]? data = null;
            if (type is "tEXt" or "zTXt" or "iTXt")
            {
                data = BoundedRead.TryRead(s, len);
                if (data is null) return (chunks, $"PNG 文本块在偏移 {offset} 处过大（{len} 字节）");
                var crc = head[..4];
                var expected = Crc32.Update(Crc32.Compute(head[4..8]), data); // before crc overwrites head
                if (!BoundedRead.TryReadExactly(s, crc)) return (chunks, $"PNG 块 {type} 在偏移 {offset} 处被截断");
                if (BinaryPrimitives.ReadUInt32BigEndian(crc) != expected) return (chunks, $"PNG 文本块 {type} 在偏移 {offset} 处 CRC 校验失败");
            }
            else s.Position = offset + 12L + len;
            chunks.Add(new PngChunk(offset, len, type, data));
            if (type == "IEND") return (chunks, null);
        }
    }

    /// <summary>Labels carried by a text chunk; <paramref name="damage"/> when a label chunk cannot be decoded.</summary>
    public static List<FoundLabel> LabelsIn(PngChunk chunk, out string? damage)
    {
        damage = null;
        var found = new List<FoundLabel>();
        if (!chunk.IsText || chunk.Data is null) return found;
        var d = chunk.Data;
        var nul = Array.IndexOf(d, (byte)0);
        if (nul <= 0 || nul > 79) return found; // no keyword: not a label carrier (and not ours to judge)
        var keyword = Encoding.Latin1.GetString(d, 0, nul);
        switch (chunk.Type)
        {
            case "tEXt":
                if (AigcKey.Matches(keyword)) found.Add(new("png/tEXt/AIGC", Encoding.Latin1.GetString(d, nul + 1, d.Length - nul - 1)));
                break;
            case "zTXt":
                if (!AigcKey.Matches(keyword)) break;
                var inflated = nul + 2 <= d.Length ? BoundedRead.Inflate(d.AsSpan(nul + 2)) : null;
                if (inflated is null) { damage = $"PNG zTXt 块 {keyword} 无法解压（偏移 {chunk.Offset}）"; break; }
                found.Add(new("png/zTXt/AIGC", Encoding.Latin1.GetString(inflated)));
                break;
            case "iTXt":
                var isXmp = keyword == XmpKeyword;
                if (!isXmp && !AigcKey.Matches(keyword)) break;
                var text = ITxtText(d, nul, out var bad);
                if (text is null) { damage = $"PNG iTXt 块 {keyword} 无法解析（{bad}，偏移 {chunk.Offset}）"; break; }
                if (isXmp) foreach (var v in Xmp.FindAigcValues(text)) found.Add(new FoundLabel("png/iTXt/XMP", v));
                else found.Add(new("png/iTXt/AIGC", text));
                break;
        }
        return found;
    }

    /// <summary>The text of an iTXt chunk: keyword\0 flag method language\0 translated\0 text.</summary>
    public static string? ITxtText(byte[] d, int keywordEnd, out string? why)
    {
        why = null;
        var p = keywordEnd + 1;
        if (p + 2 > d.Length) { why = "块过短"; return null; }
        var compressed = d[p] != 0;
        p += 2;
        var lang = Array.IndexOf(d, (byte)0, p);
        if (lang < 0) { why = "缺少语言标记结束符"; return null; }
        var trans = Array.IndexOf(d, (byte)0, lang + 1);
        if (trans < 0) { why = "缺少翻译关键字结束符"; return null; }
        var body = d.AsSpan(trans + 1);
        if (!compressed) return Encoding.UTF8.GetString(body);
        var inflated = BoundedRead.Inflate(body);
        if (inflated is null) { why = "压缩数据无效或过大"; return null; }
        return Encoding.UTF8.GetString(inflated);
    }

    /// <summary>An uncompressed iTXt chunk (length, type, data, CRC).</summary>
    public static byte[] BuildITxt(string keyword, string text)
    {
        var data = new List<byte>();
        data.AddRange(Encoding.Latin1.GetBytes(keyword));
        data.AddRange(new byte[] { 0, 0, 0, 0, 0 }); // keyword end, uncompressed, method 0, empty language, empty translation
        data.AddRange(Encoding.UTF8.GetBytes(text));
        return BuildChunk("iTXt", data.ToArray());
    }

    public static byte[] BuildChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(
            chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The chunk type as a string; the common ones without allocating.</summary>
    private static string TypeName(ReadOnlySpan<byte> t) => t switch
    {
        _ when t.SequenceEqual("IHDR"u8) => "IHDR",
        _ when t.SequenceEqual("IDAT"u8) => "IDAT",
        _ when t.SequenceEqual("IEND"u8) => "IEND",
        _ when t.SequenceEqual("iTXt"u8) => "iTXt",
        _ when t.SequenceEqual("tEXt"u8) => "tEXt",
        _ when t.SequenceEqual("zTXt"u8) => "zTXt",
        _ when t.SequenceEqual("PLTE"u8) => "PLTE",
        _ => Encoding.ASCII.GetString(t),
    };

    private static bool IsAsciiLetters(ReadOnlySpan<byte> t)
    {
        foreach (var b in t) if (!char.IsAsciiLetter((char)b)) return false;
        return true;
    }

    private static string Sanitize(string type) => new(type.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '?').ToArray());
}
