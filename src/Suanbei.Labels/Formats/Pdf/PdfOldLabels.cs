using System.IO.Compression;
using System.Text;

namespace Suanbei.Labels.Formats.Pdf;

/// <summary>
/// Same-length patches that erase every label an incremental update would otherwise leave behind: the AIGC entries of
/// every version of the Info dictionary (and strings they reference), and the TC260 property of every version of the
/// catalog's XMP stream, in all revisions of the xref chain. Nothing moves, so every xref offset stays right:
/// <list type="bullet">
/// <item>an uncompressed object: <c>/AIGC (…)</c> becomes spaces (a referenced string becomes <c>()</c> and spaces);</item>
/// <item>an object inside an object stream, or an XMP stream: the decoded data is edited and re-encoded to exactly its
/// old raw length — unfiltered data padded with trailing spaces; FlateDecode as zlib whose last stored block(s) carry
/// trailing spaces, so /Length and every offset are unchanged. Other filters are refused.</item>
/// </list>
/// Content streams are never touched.
/// </summary>
internal sealed class PdfOldLabels
{
    private readonly Dictionary<long, byte[]> _patches = [];
    private readonly Dictionary<long, (PdfObject Stream, byte[] Decoded)> _objectStreams = [];

    /// <summary>File patches (offset, same-length bytes) that erase every old label reachable through the xref chain.</summary>
    public static List<(long Offset, byte[] Bytes)> Find(PdfDocument doc)
    {
        var old = new PdfOldLabels();
        foreach (var number in doc.TrailerRefs("Info"))
            foreach (var info in doc.Versions(number))
                if (info.Value is PdfDict d) old.BlankInfoLabels(doc, info, d);
        var metadataNumbers = new HashSet<int>();
        foreach (var number in doc.TrailerRefs("Root"))
            foreach (var catalog in doc.Versions(number))
                if (catalog.Value is PdfDict { } c && c["Metadata"] is PdfRef m) metadataNumbers.Add(m.Number);
        foreach (var number in metadataNumbers)
            foreach (var meta in doc.Versions(number))
            {
                if (meta.StreamData is null) continue;
                var text = Encoding.UTF8.GetString(meta.StreamData);
                if (Xmp.HasAigc(text)) old.ReplaceStreamData(meta, Encoding.UTF8.GetBytes(Xmp.RemoveAigc(text)));
            }
        foreach (var (stream, decoded) in old._objectStreams.Values) old.ReplaceStreamData(stream, decoded);

        var list = old._patches.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToList();
        for (var i = 1; i < list.Count; i++)
            if (list[i].Key < list[i - 1].Key + list[i - 1].Value.Length)
                throw new LabelWriteException("PDF 中旧标识所在的对象相互重叠，无法清除旧标识，未写入");
        return list;
    }

    private void BlankInfoLabels(PdfDocument doc, PdfObject info, PdfDict d)
    {
        foreach (var (key, value, _, end, keyStart) in d.Entries.Where(e => AigcKey.Matches(e.Key)))
        {
            Blank(info, keyStart, end, Spaces(end - keyStart));
            if (value is not PdfRef r) continue;
            foreach (var s in doc.Versions(r.Number))
                if (s.Value is PdfString && s.ValueEnd - s.ValueStart >= 2)
                {
                    var empty = Spaces(s.ValueEnd - s.ValueStart);
                    empty[0] = (byte)'('; empty[1] = (byte)')';
                    Blank(s, s.ValueStart, s.ValueEnd, empty);
                }
        }
    }

    /// <summary>Overwrites window bytes [start, end) of <paramref name="obj"/> with <paramref name="bytes"/> (same length).</summary>
    private void Blank(PdfObject obj, int start, int end, byte[] bytes)
    {
        if (obj.Container is { } stm)
        {
            var key = stm.RawStart;
            if (!_objectStreams.TryGetValue(key, out var edit))
                _objectStreams[key] = edit = (stm, (byte[])obj.Window.Clone());
            bytes.CopyTo(edit.Decoded, start);
        }
        else _patches[obj.Offset + start] = bytes;
    }

    private void ReplaceStreamData(PdfObject stream, byte[] decoded)
    {
        var d = (PdfDict)stream.Value;
        var filter = d["Filter"] switch
        {
            null => null,
            PdfName n => n.Value,
            PdfArray { Items.Count: 0 } => null,
            PdfArray { Items.Count: 1 } a when a.Items[0] is PdfName n1 => n1.Value,
            _ => "?",
        };
        byte[]? raw;
        if (filter is null)
        {
            raw = decoded.Length <= stream.RawLength ? Padded(decoded, stream.RawLength) : null;
        }
        else if (filter == "FlateDecode" && d["DecodeParms"] is null)
            raw = SameLengthZlib(decoded, stream.RawLength);
        else
            throw new LabelWriteException($"PDF 对象 {stream.Number} 的流编码（{filter}）不支持原位改写，无法清除其中的旧标识，未写入");
        _patches[stream.RawStart] = raw ?? throw new LabelWriteException($"PDF 对象 {stream.Number} 清除旧标识后无法保持原长度，未写入");
    }

    private static byte[] Spaces(int n)
    {
        var b = new byte[n];
        Array.Fill(b, (byte)' ');
        return b;
    }

    private static byte[] Padded(byte[] data, long length)
    {
        var b = Spaces((int)length);
        data.CopyTo(b, 0);
        return b;
    }

    /// <summary>A zlib stream of exactly <paramref name="length"/> bytes that inflates to <paramref name="data"/>
    /// followed by spaces: the data deflated and sync-flushed (byte-aligned, not final), then stored blocks of spaces
    /// (5 bytes of header each) filling the rest, the last one final, then the Adler-32. Null when it cannot fit.</summary>
    internal static byte[]? SameLengthZlib(byte[] data, long length)
    {
        var ms = new MemoryStream();
        ms.Write([0x78, 0xDA]);
        byte[] head;
        using (var deflate = new DeflateStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(data);
            deflate.Flush(); // Z_SYNC_FLUSH: ends on a byte boundary with non-final blocks
            head = ms.ToArray();
        }
        var rest = length - head.Length - 4;
        if (rest < 5 || length > int.MaxValue) return null;
        var blocks = Math.Max(1, (rest + 65539) / 65540);
        var spaces = rest - 5 * blocks;
        if (spaces < 0) return null;

        var output = new MemoryStream((int)length);
        output.Write(head);
        var left = spaces;
        for (var b = 0; b < blocks; b++)
        {
            var n = (int)Math.Min(65535, left);
            left -= n;
            output.WriteByte((byte)(b == blocks - 1 ? 1 : 0));
            output.Write([(byte)n, (byte)(n >> 8), (byte)~n, (byte)(~n >> 8)]);
            output.Write(Spaces(n));
        }
        uint a = 1, s = 0;
        foreach (var x in data) { a = (a + x) % 65521; s = (s + a) % 65521; }
        for (long i = 0; i < spaces; i++) { a = (a + ' ') % 65521; s = (s + a) % 65521; }
        var adler = (s << 16) | a;
        output.Write([(byte)(adler >> 24), (byte)(adler >> 16), (byte)(adler >> 8), (byte)adler]);
        return output.Length == length ? output.ToArray() : null;
    }
}
