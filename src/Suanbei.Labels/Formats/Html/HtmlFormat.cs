using System.Net;
using System.Text.RegularExpressions;
using Suanbei.Labels.Formats.Markup;

namespace Suanbei.Labels.Formats.Html;

/// <summary>
/// HTML (.html, .htm). The label is a <c>&lt;meta name="AIGC" content="{json}"&gt;</c> element — the document-level
/// name/value metadata of HTML (§4.2.5) — written as the first child of <c>head</c> (a <c>head</c> is added after the
/// <c>html</c> start tag, or after the doctype, when missing). Readers take every <c>meta</c> outside comments,
/// scripts and styles whose <c>name</c> the <see cref="AigcKey"/> rule accepts; the content's character references
/// are decoded. Every other byte is kept as it was, in whatever encoding the page uses.
/// </summary>
public sealed partial class HtmlFormat : IContainerFormat
{
    public const string Placement = "html/meta/AIGC";

    public string Name => "html";
    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => Extensions.Contains(extension) && !head.Contains((byte)0);

    private sealed record MetaTag(int Start, int End, string Value);

    private static List<MetaTag>? FindLabels(string text, string mask)
    {
        var found = new List<MetaTag>();
        foreach (Match m in MetaStart().Matches(mask))
        {
            var end = MarkupText.TagEnd(mask, m.Index);
            if (end < 0) return null;
            var attributes = MarkupText.Attributes(text[m.Index..end]);
            if (attributes.TryGetValue("name", out var name) && AigcKey.Matches(WebUtility.HtmlDecode(name)))
                found.Add(new MetaTag(m.Index, end, WebUtility.HtmlDecode(attributes.GetValueOrDefault("content", ""))));
        }
        return found;
    }

    public ContainerReadResult Read(Stream input)
    {
        try
        {
            var text = MarkupText.Read(input);
            if (text is null) return ContainerReadResult.Damaged("HTML 文件过大，未检查");
            var mask = MarkupText.Mask(text, scriptAndStyle: true);
            if (mask is null) return ContainerReadResult.Damaged("HTML 注释未结束（<!-- 缺少 -->），文件可能被截断");
            var labels = FindLabels(text, mask);
            if (labels is null) return ContainerReadResult.Damaged("HTML meta 元素未结束，文件可能被截断");
            return new ContainerReadResult(labels.Select(l => new FoundLabel(Placement, l.Value)).ToList());
        }
        catch (RegexMatchTimeoutException) { return ContainerReadResult.Damaged("HTML 结构过于复杂，未检查"); }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        try
        {
            var text = MarkupText.Read(input) ?? throw new LabelWriteException("HTML 文件过大，未写入");
            var mask = MarkupText.Mask(text, scriptAndStyle: true)
                ?? throw new LabelWriteException("HTML 注释未结束（<!-- 缺少 -->），未写入");
            var labels = FindLabels(text, mask) ?? throw new LabelWriteException("HTML meta 元素未结束，未写入");
            var meta = $"<meta name=\"{AigcKey.Name}\" content=\"{WebUtility.HtmlEncode(label.ToJson())}\">";
            var (at, insert) = InsertionPoint(text, mask, meta);
            var cuts = labels.Select(l => MarkupText.WholeLine(text, l.Start, l.End)).ToList();
            output.Write(MarkupText.Bytes(MarkupText.Splice(text, cuts, at, insert)));
        }
        catch (RegexMatchTimeoutException) { throw new LabelWriteException("HTML 结构过于复杂，未写入"); }
    }

    /// <summary>Where the meta goes, and the text to insert there: right after a character-encoding declaration
    /// (<c>meta charset</c> or <c>http-equiv="content-type"</c>), which must stay within the first 1024 bytes;
    /// else after the head start tag; else a head after the html start tag; else a head after the doctype (or at the
    /// start).</summary>
    private static (int At, string Insert) InsertionPoint(string text, string mask, string meta)
    {
        foreach (Match m in MetaStart().Matches(mask))
        {
            var end = MarkupText.TagEnd(mask, m.Index);
            if (end < 0) break;
            var attributes = MarkupText.Attributes(text[m.Index..end]);
            var declaresEncoding = attributes.ContainsKey("charset")
                || attributes.GetValueOrDefault("http-equiv", "").Equals("content-type", StringComparison.OrdinalIgnoreCase);
            if (declaresEncoding) return (end, "\n" + meta);
        }
        if (HeadStart().Match(mask) is { Success: true } head && MarkupText.TagEnd(mask, head.Index) is > 0 and var headEnd)
            return (headEnd, "\n" + meta);
        if (HtmlStart().Match(mask) is { Success: true } html && MarkupText.TagEnd(mask, html.Index) is > 0 and var htmlEnd)
            return (htmlEnd, "\n<head>" + meta + "</head>");
        if (Doctype().Match(mask) is { Success: true } doctype) return (doctype.Index + doctype.Length, "\n<head>" + meta + "</head>");
        var bom = mask.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal) ? 3 : 0;
        return (bom, "<head>" + meta + "</head>\n");
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("HTML 不支持原地写入（标识位于 head 开头，需移动正文）；请用 -o 写入新文件");

    [GeneratedRegex(@"<meta(?=[\s/>])", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex MetaStart();

    [GeneratedRegex(@"<head(?=[\s/>])", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex HeadStart();

    [GeneratedRegex(@"<html(?=[\s/>])", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"<!doctype[^>]*>", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex Doctype();
}
