using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Png;

/// <summary>One PNG chunk; <see cref="Data"/> is loaded only for text chunks (tEXt, zTXt, iTXt) — a view of the
/// file's bytes when they are in memory (<see cref="BoundedRead.TryReadSegment"/>), a copy otherwise.</summary>
internal sealed record PngChunk(long Offset, uint Length, string Type, ArraySegment<byte> Data)
{
    public long TotalLength => 12L + Length;
    public bool IsText => Type is "tEXt" or "zTXt" or "iTXt";
    public bool HasData => Data.Array is not null;
}

/// <summary>Bounded chunk walker: reads headers, seeks past payload chunks, loads and CRC-checks text chunks.</summary>
internal static class PngChunks
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    public const string XmpKeyword = "XML:com.adobe.xmp";
    private static ReadOnlySpan<byte> XmpKeywordBytes => "XML:com.adobe.xmp"u8;
    private const int MaxChunks = 2_000_000;

    /// <summary>Every chunk up to IEND, or with <paramref name="textOnly"/> (the readers') only the text chunks whose
    /// keyword may carry a label: the walk, its checks and its damage are the same, but no record is made for a chunk
    /// <see cref="AddLabels"/> would pass over.</summary>
    public static (List<PngChunk> Chunks, string? Damage) Walk(Stream s, bool textOnly = false)
    {
        var chunks = new List<PngChunk>(textOnly ? 4 : 16);
        s.Position = 0;
        Span<byte> head = stackalloc byte[8];
        if (!BoundedRead.TryReadExactly(s, head) || !head.SequenceEqual(Signature)) return (chunks, "PNG 签名不正确");
        var length = s.Length;
        var walked = 0;
        while (true)
        {
            var offset = s.Position;
            if (offset == length) return (chunks, "PNG 缺少 IEND 块（文件被截断）");
            if (!BoundedRead.TryReadExactly(s, head)) return (chunks, $"PNG 块头在偏移 {offset} 处被截断");
            var len = BinaryPrimitives.ReadUInt32BigEndian(head);
            var typeBytes = head[4..8];
            if (len > int.MaxValue) return (chunks, $"PNG 块 {Sanitize(typeBytes)} 在偏移 {offset} 处的长度 {len} 超出规范上限");
            if (offset + 12L + len > length)
                return (chunks, $"PNG 块 {Sanitize(typeBytes)} 在偏移 {offset} 处超出文件末尾（文件被截断或长度字段损坏）");
            if (!IsAsciiLetters(typeBytes)) return (chunks, $"PNG 块类型在偏移 {offset} 处无效");
            if (walked++ >= MaxChunks) return (chunks, "PNG 块数量过多");
            var isText = typeBytes.SequenceEqual("tEXt"u8) || typeBytes.SequenceEqual("zTXt"u8) || typeBytes.SequenceEqual("iTXt"u8);
            var isEnd = typeBytes.SequenceEqual("IEND"u8);
            ArraySegment<byte> data = default;
            if (isText)
            {
                data = BoundedRead.TryReadSegment(s, len);
                if (data.Array is null) return (chunks, $"PNG 文本块在偏移 {offset} 处过大（{len} 字节）");
                var crc = head[..4];
                var expected = Crc32.Update(Crc32.Compute(typeBytes), data); // before crc overwrites head
                if (!BoundedRead.TryReadExactly(s, crc))
                    return (chunks, $"PNG 块 {TypeName(head[4..8])} 在偏移 {offset} 处被截断");
                if (BinaryPrimitives.ReadUInt32BigEndian(crc) != expected)
                    return (chunks, $"PNG 文本块 {TypeName(head[4..8])} 在偏移 {offset} 处 CRC 校验失败");
            }
            else s.Position = offset + 12L + len;
            if (!textOnly || (isText && MayCarryLabel(typeBytes, data)))
                chunks.Add(new PngChunk(offset, len, TypeName(typeBytes), data));
            if (isEnd) return (chunks, null);
        }
    }

    /// <summary>The keyword tests of <see cref="AddLabels"/>: an iTXt XMP chunk, or a keyword the AIGC rule accepts.</summary>
    private static bool MayCarryLabel(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var nul = data.IndexOf((byte)0);
        if (nul <= 0 || nul > 79) return false;
        return (type.SequenceEqual("iTXt"u8) && data[..nul].SequenceEqual(XmpKeywordBytes)) || AigcKey.MatchesLatin1(data[..nul]);
    }

    /// <summary>Labels carried by a text chunk; <paramref name="damage"/> when a label chunk cannot be decoded.</summary>
    public static List<FoundLabel> LabelsIn(PngChunk chunk, out string? damage)
    {
        var found = new List<FoundLabel>();
        AddLabels(chunk, found, out damage);
        return found;
    }

    /// <summary><see cref="LabelsIn"/> added to <paramref name="found"/>. The keyword is compared as bytes: a string
    /// is made of it only for a damage message.</summary>
    public static void AddLabels(PngChunk chunk, List<FoundLabel> found, out string? damage)
    {
        damage = null;
        if (!chunk.IsText || !chunk.HasData) return;
        var d = chunk.Data.AsSpan();
        var nul = d.IndexOf((byte)0);
        if (nul <= 0 || nul > 79) return; // no keyword: not a label carrier (and not ours to judge)
        var keyword = d[..nul];
        switch (chunk.Type)
        {
            case "tEXt":
                if (AigcKey.MatchesLatin1(keyword)) found.Add(new("png/tEXt/AIGC", Encoding.Latin1.GetString(d[(nul + 1)..])));
                break;
            case "zTXt":
                if (!AigcKey.MatchesLatin1(keyword)) break;
                var inflated = nul + 2 <= d.Length ? BoundedRead.Inflate(d[(nul + 2)..]) : null;
                if (inflated is null) { damage = $"PNG zTXt 块 {Encoding.Latin1.GetString(keyword)} 无法解压（偏移 {chunk.Offset}）"; break; }
                found.Add(new("png/zTXt/AIGC", Encoding.Latin1.GetString(inflated)));
                break;
            case "iTXt":
                var isXmp = keyword.SequenceEqual(XmpKeywordBytes);
                if (!isXmp && !AigcKey.MatchesLatin1(keyword)) break;
                if (!TryITxtBody(d, nul, out var body, out var inflatedBody, out var bad))
                {
                    damage = $"PNG iTXt 块 {Encoding.Latin1.GetString(keyword)} 无法解析（{bad}，偏移 {chunk.Offset}）";
                    break;
                }
                var utf8 = inflatedBody is null ? body : inflatedBody;
                if (isXmp)
                {
                    // Indexed: a foreach over the interface allocates an enumerator per file.
                    var values = Xmp.FindAigcValues(utf8);
                    for (var i = 0; i < values.Count; i++) found.Add(new FoundLabel("png/iTXt/XMP", values[i]));
                }
                else found.Add(new("png/iTXt/AIGC", Encoding.UTF8.GetString(utf8)));
                break;
        }
    }

    /// <summary>The text of an iTXt chunk: keyword\0 flag method language\0 translated\0 text.</summary>
    public static string? ITxtText(ReadOnlySpan<byte> d, int keywordEnd, out string? why)
    {
        if (!TryITxtBody(d, keywordEnd, out var body, out var inflated, out why)) return null;
        return Encoding.UTF8.GetString(inflated is null ? body : inflated);
    }

    /// <summary>The UTF-8 text of an iTXt chunk: a view of <paramref name="d"/>, or <paramref name="inflated"/> when
    /// the chunk is compressed. False with the reason when the chunk is malformed.</summary>
    private static bool TryITxtBody(ReadOnlySpan<byte> d, int keywordEnd, out ReadOnlySpan<byte> body, out byte[]? inflated,
        out string? why)
    {
        body = default;
        inflated = null;
        why = null;
        var p = keywordEnd + 1;
        if (p + 2 > d.Length) { why = "块过短"; return false; }
        var compressed = d[p] != 0;
        p += 2;
        var lang = d[p..].IndexOf((byte)0);
        if (lang < 0) { why = "缺少语言标记结束符"; return false; }
        lang += p;
        var trans = d[(lang + 1)..].IndexOf((byte)0);
        if (trans < 0) { why = "缺少翻译关键字结束符"; return false; }
        trans += lang + 1;
        body = d[(trans + 1)..];
        if (!compressed) return true;
        inflated = BoundedRead.Inflate(body);
        if (inflated is null) { why = "压缩数据无效或过大"; return false; }
        return true;
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
        _ => KnownType(t) ?? Encoding.ASCII.GetString(t),
    };

    /// <summary>The other chunk types of the PNG specification (3rd edition) and APNG, as constants.</summary>
    private static readonly string[] KnownTypes =
        ["tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT", "eXIf",
            "tIME", "acTL", "fcTL", "fdAT", "oFFs", "vpAg", "caNv", "orNT"];

    private static string? KnownType(ReadOnlySpan<byte> t)
    {
        foreach (var k in KnownTypes)
            if (t[0] == k[0] && t[1] == k[1] && t[2] == k[2] && t[3] == k[3]) return k;
        return null;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<byte> t)
    {
        foreach (var b in t) if (!char.IsAsciiLetter((char)b)) return false;
        return true;
    }

    private static string Sanitize(ReadOnlySpan<byte> type)
    {
        Span<char> name = stackalloc char[type.Length];
        for (var i = 0; i < type.Length; i++) name[i] = char.IsAsciiLetterOrDigit((char)type[i]) ? (char)type[i] : '?';
        return name.ToString();
    }
}
