using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Pdf;

/// <summary>
/// PDF. Reads the document information dictionary entry <c>/AIGC</c> (current revision, via the xref chain) and the
/// catalog's XMP metadata stream. Writes by an incremental update appended to the file: the Info dictionary redefined
/// with <c>/AIGC (json)</c> (other entries kept), a classic xref section and a trailer with <c>/Prev</c>. Every old
/// label — in any revision's Info dictionary or XMP stream — is erased by same-length patches
/// (<see cref="PdfOldLabels"/>), so no earlier revision and no raw byte scan finds a second label, and no offset moves;
/// in-place writing is therefore supported.
/// </summary>
public sealed class PdfFormat : IContainerFormat, IContentDigest
{
    /// <summary>Comment line that starts every update Suanbei appends; the signed content ends before the first one.</summary>
    internal static readonly byte[] UpdateMarker = "\n%Suanbei-AIGC-update\n"u8.ToArray();

    public string Name => "pdf";
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => head.IndexOf("%PDF-"u8) is >= 0 and < 64;

    public ContainerReadResult Read(Stream input)
    {
        var labels = new List<FoundLabel>();
        try
        {
            var doc = PdfDocument.Open(input);
            if (doc.Info is { } infoRef && doc.Load(infoRef)?.Value is PdfDict info)
                foreach (var (key, value, _, _, _) in info.Entries.Where(e => AigcKey.Matches(e.Key)))
                {
                    var text = value switch
                    {
                        PdfString s => s.Text,
                        PdfRef r => (doc.Load(r)?.Value as PdfString)?.Text,
                        _ => null,
                    };
                    labels.Add(new FoundLabel("pdf/Info/AIGC", text ?? ""));
                }
            if (Metadata(doc) is { } xmp)
                labels.AddRange(Xmp.FindAigcValues(xmp.Text).Select(v => new FoundLabel("pdf/Metadata/XMP", v)));
            if (doc.Encrypted && labels.Count == 0)
                return ContainerReadResult.Damaged("PDF 已加密，无法读取元数据", labels);
            return new ContainerReadResult(labels);
        }
        catch (PdfSyntaxException e) { return ContainerReadResult.Damaged("PDF 结构无效：" + e.Message, labels); }
    }

    private static (PdfObject Object, string Text)? Metadata(PdfDocument doc)
    {
        if (doc.Load(doc.Root!)?.Value is not PdfDict catalog || catalog["Metadata"] is not PdfRef mref) return null;
        var m = doc.Load(mref);
        return m?.StreamData is null ? null : (m, Encoding.UTF8.GetString(m.StreamData));
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (update, needsNewline, oldLabels) = Plan(input, label);
        long at = 0;
        foreach (var (offset, bytes) in oldLabels)
        {
            input.Position = at;
            RangeCopy.CopyExactly(input, output, offset - at);
            output.Write(bytes);
            at = offset + bytes.Length;
        }
        input.Position = at;
        input.CopyTo(output, 81920);
        if (needsNewline) output.WriteByte((byte)'\n');
        output.Write(update);
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (update, needsNewline, oldLabels) = Plan(file, label);
        file.Seek(0, SeekOrigin.End);
        if (needsNewline) file.WriteByte((byte)'\n');
        file.Write(update);
        file.Flush(flushToDisk: true);
        // Old labels are erased only once the new one is in place, so an interrupted write never leaves none.
        foreach (var (offset, bytes) in oldLabels)
        {
            file.Position = offset;
            file.Write(bytes);
        }
    }

    private static (byte[] Update, bool NeedsNewline, List<(long Offset, byte[] Bytes)> OldLabels) Plan(Stream input, AigcLabel label)
    {
        var update = BuildUpdate(input, label, out var needsNewline, out var doc);
        try { return (update, needsNewline, PdfOldLabels.Find(doc)); }
        catch (PdfSyntaxException e) { throw new LabelWriteException("PDF 结构无效，未写入：" + e.Message); }
    }

    private static byte[] BuildUpdate(Stream input, AigcLabel label, out bool needsNewline, out PdfDocument doc)
    {
        try { doc = PdfDocument.Open(input); }
        catch (PdfSyntaxException e) { throw new LabelWriteException("PDF 结构无效，未写入：" + e.Message); }
        if (doc.Encrypted) throw new LabelWriteException("PDF 已加密，无法写入标识（需先解密）");
        input.Position = input.Length - 1;
        needsNewline = input.ReadByte() is not (10 or 13);
        var baseOffset = input.Length + (needsNewline ? 1 : 0);

        try
        {
            var objects = new List<(int Number, int Generation, string Body)>();
            var size = doc.Size;
            // Info: keep other entries verbatim, replace any AIGC entry.
            var infoNumber = size; var infoGen = 0;
            var kept = new StringBuilder();
            if (doc.Info is { } infoRef && doc.Load(infoRef) is { Value: PdfDict info } infoObj)
            {
                infoNumber = infoRef.Number; infoGen = doc.GenerationOf(infoRef);
                foreach (var (key, _, start, end, _) in info.Entries.Where(e => !AigcKey.Matches(e.Key)))
                    kept.Append('/').Append(EscapeName(key)).Append(' ')
                        .Append(Encoding.Latin1.GetString(infoObj.Window, start, end - start)).Append('\n');
            }
            else size++;
            // An XMP label (and every older copy of any label) is erased in place by PdfOldLabels, not redefined here.
            objects.Add((infoNumber, infoGen, $"<<\n{kept}/AIGC {PdfParser.Literal(label.ToJson())}\n>>"));

            var body = new MemoryStream();
            body.Write(UpdateMarker);
            var offsets = new List<(int Number, int Generation, long Offset)>();
            foreach (var (number, gen, text) in objects)
            {
                offsets.Add((number, gen, baseOffset + body.Length));
                body.Write(Encoding.Latin1.GetBytes($"{number} {gen} obj\n{text}\nendobj\n"));
            }
            var xrefOffset = baseOffset + body.Length;
            var xref = new StringBuilder("xref\n");
            foreach (var (number, gen, offset) in offsets.OrderBy(o => o.Number))
                xref.Append($"{number} 1\n{offset:D10} {gen:D5} n\r\n");
            var id = doc.Id is { } ? " /ID " + IdText(doc.Id) : "";
            xref.Append($"trailer\n<< /Size {Math.Max(size, offsets.Max(o => o.Number) + 1)} /Root {doc.Root!.Number} " +
                $"{doc.Root.Generation} R " +
                        $"/Info {infoNumber} {infoGen} R /Prev {doc.StartXref}{id} >>\nstartxref\n{xrefOffset}\n%%EOF\n");
            body.Write(Encoding.Latin1.GetBytes(xref.ToString()));
            return body.ToArray();
        }
        catch (PdfSyntaxException e) { throw new LabelWriteException("PDF 结构无效，未写入：" + e.Message); }
    }

    private static string IdText(PdfArray id) =>
        "[" + string.Join(" ", id.Items.OfType<PdfString>().Select(s => "<" + Convert.ToHexString(s.Bytes) + ">")) + "]";

    private static string EscapeName(string name) =>
        string.Concat(name.Select(c => c < 0x21 || c > 0x7E || "#()<>[]{}/%".Contains(c) ? $"#{(int)c:X2}" : c.ToString()));

    /// <summary>Signature content: the file's bytes before the first Suanbei label update (the line
    /// <c>%Suanbei-AIGC-update</c> and its leading newline); the whole file when it has none. Later incremental
    /// updates (re-labelling, propagation) therefore do not change it.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        input.Position = 0;
        var end = FindMarker(input);
        input.Position = 0;
        RangeCopy.CopyExactly(input, output, end);
    }

    private static long FindMarker(Stream s)
    {
        var buffer = new byte[1 << 20];
        var carry = 0;
        long bufferStart = 0;
        while (true)
        {
            var read = s.Read(buffer, carry, buffer.Length - carry);
            if (read == 0) return s.Length;
            var filled = carry + read;
            var i = buffer.AsSpan(0, filled).IndexOf(UpdateMarker);
            if (i >= 0)
            {
                // A Write of a file ending without a newline inserted one: the marker's newline then belongs to Suanbei.
                return bufferStart + i;
            }
            carry = Math.Min(UpdateMarker.Length - 1, filled);
            Array.Copy(buffer, filled - carry, buffer, 0, carry);
            bufferStart += filled - carry;
        }
    }
}
