using System.Text.RegularExpressions;
using Suanbei.Labels.Formats.Markup;

namespace Suanbei.Labels.Formats.Svg;

/// <summary>
/// SVG. The label is the TC260 XMP property in the document's <c>&lt;metadata&gt;</c> element (SVG 1.1 §21: metadata
/// "should" be RDF; XMP is RDF, and exiftool reads it as XMP). Suanbei merges the label into the first
/// <c>metadata</c> holding an RDF packet (other properties kept, as for every XMP carrier), else inserts
/// <c>&lt;metadata&gt;</c> with a fresh packet as the first child of the root <c>svg</c> element; labels in other
/// <c>metadata</c> elements are removed. Readers take every TC260 AIGC property in a <c>metadata</c> element outside
/// comments. A document that does not end with <c>&lt;/svg&gt;</c> (cut short) is damaged.
/// </summary>
public sealed partial class SvgFormat : IContainerFormat
{
    public const string Placement = "svg/metadata/XMP";

    public string Name => "svg";
    public IReadOnlyList<string> Extensions { get; } = [".svg"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => Extensions.Contains(extension) && !head.Contains((byte)0);

    private sealed record Element(int Start, int InnerStart, int InnerEnd, int End);

    private sealed record Document(string Text, string Mask, int RootTagStart, int RootTagEnd, List<Element> Metadata);

    private static Document? Parse(Stream input, out string damage)
    {
        damage = "";
        var text = MarkupText.Read(input);
        if (text is null) { damage = "SVG 文件过大，未检查"; return null; }
        var mask = MarkupText.Mask(text, scriptAndStyle: false);
        if (mask is null) { damage = "SVG 注释未结束（<!-- 缺少 -->），文件可能被截断"; return null; }
        var root = SvgStart().Match(mask);
        var rootEnd = root.Success ? MarkupText.TagEnd(mask, root.Index) : -1;
        if (rootEnd < 0) { damage = "不是 SVG 文档（缺少 <svg> 根元素）"; return null; }
        var selfClosing = mask[rootEnd - 2] == '/';
        if (!selfClosing && !SvgEnd().IsMatch(mask)) { damage = "SVG 文档不完整（缺少 </svg>），文件可能被截断"; return null; }
        var metadata = new List<Element>();
        // metadata elements do not nest: the search goes on after each element's end tag.
        var from = 0;
        while (MetadataStart().Match(mask, from) is { Success: true } m)
        {
            from = m.Index + 1;
            var innerStart = MarkupText.TagEnd(mask, m.Index);
            if (innerStart < 0) { damage = $"偏移 {m.Index} 处 metadata 元素的开始标签未结束"; return null; }
            if (mask[innerStart - 2] == '/') continue; // <metadata/>
            var close = MetadataEnd().Match(mask, innerStart);
            if (!close.Success) { damage = $"偏移 {m.Index} 处 metadata 元素未结束"; return null; }
            metadata.Add(new Element(m.Index, innerStart, close.Index, close.Index + close.Length));
            from = close.Index + close.Length;
        }
        return new Document(text, mask, root.Index, rootEnd, metadata);
    }

    public ContainerReadResult Read(Stream input)
    {
        try
        {
            if (Parse(input, out var damage) is not { } doc) return ContainerReadResult.Damaged(damage);
            var found = doc.Metadata
                .SelectMany(e => Xmp.FindAigcValues(doc.Text[e.InnerStart..e.InnerEnd]))
                .Select(v => new FoundLabel(Placement, v)).ToList();
            return new ContainerReadResult(found);
        }
        catch (RegexMatchTimeoutException) { return ContainerReadResult.Damaged("SVG 结构过于复杂，未检查"); }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        try
        {
            var doc = Parse(input, out var damage) ?? throw new LabelWriteException(damage + "，未写入");
            var text = doc.Text;
            var target = doc.Metadata.FirstOrDefault(e =>
                text.AsSpan(e.InnerStart, e.InnerEnd - e.InnerStart).Contains("</rdf:RDF>", StringComparison.Ordinal));
            var replaced = text;
            // Edit from the last element backwards so earlier offsets stay valid.
            foreach (var e in doc.Metadata.OrderByDescending(e => e.Start))
            {
                var inner = text[e.InnerStart..e.InnerEnd];
                string? updated = e == target ? MergeInto(inner, label)
                    : Xmp.HasAigc(inner) ? Xmp.RemoveAigc(inner) : null;
                if (updated is not null) replaced = replaced[..e.InnerStart] + updated + replaced[e.InnerEnd..];
            }
            if (target is null)
            {
                var metadata = $"\n<metadata>\n{RdfOnly(Xmp.BuildPacket(label))}\n</metadata>";
                var selfClosing = doc.Mask[doc.RootTagEnd - 2] == '/';
                replaced = selfClosing
                    ? replaced[..(doc.RootTagEnd - 2)] + ">" + metadata + "\n</svg>" + replaced[doc.RootTagEnd..]
                    : replaced[..doc.RootTagEnd] + metadata + replaced[doc.RootTagEnd..];
            }
            output.Write(MarkupText.Bytes(replaced));
        }
        catch (RegexMatchTimeoutException) { throw new LabelWriteException("SVG 结构过于复杂，未写入"); }
    }

    /// <summary>The metadata content with the label merged in; a fresh RDF element (its BOM-free form) when the old
    /// content was unusable. The old content is already in the Latin-1 image and is not re-encoded.</summary>
    private static string MergeInto(string inner, AigcLabel label)
    {
        var merged = Xmp.Merge(inner, label);
        return merged.Contains('\uFEFF') ? RdfOnly(merged) : merged;
    }

    /// <summary>The packet's <c>rdf:RDF</c> element without the xpacket and x:xmpmeta wrappers: the RDF form SVG
    /// names for metadata, which exiftool then reads as XMP (inside x:xmpmeta it sees plain SVG elements).</summary>
    private static string RdfOnly(string packet)
    {
        var start = packet.IndexOf("<rdf:RDF", StringComparison.Ordinal);
        var end = packet.LastIndexOf("</rdf:RDF>", StringComparison.Ordinal) + "</rdf:RDF>".Length;
        return packet[start..end];
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("SVG 不支持原地写入（metadata 位于根元素开头，需移动正文）；请用 -o 写入新文件");

    [GeneratedRegex(@"<(?:[\w.-]+:)?svg(?=[\s/>])", RegexOptions.None, 2000)]
    private static partial Regex SvgStart();

    [GeneratedRegex(@"</(?:[\w.-]+:)?svg\s*>\s*\z", RegexOptions.None, 2000)]
    private static partial Regex SvgEnd();

    [GeneratedRegex(@"<(?:[\w.-]+:)?metadata(?=[\s/>])", RegexOptions.None, 2000)]
    private static partial Regex MetadataStart();

    [GeneratedRegex(@"</(?:[\w.-]+:)?metadata\s*>", RegexOptions.None, 2000)]
    private static partial Regex MetadataEnd();
}
