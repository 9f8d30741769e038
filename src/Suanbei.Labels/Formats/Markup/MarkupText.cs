using System.Text;
using System.Text.RegularExpressions;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Markup;

/// <summary>
/// Byte-exact text access for markup carriers (SVG, HTML, EPUB's package document): the file is held as Latin-1, one
/// char per byte, so every byte the writer does not touch is written back unchanged whatever the document's encoding
/// (UTF-8, GBK, …); tags and the label are ASCII. Searches run on a mask where comments (and, for HTML, script and
/// style bodies) are blanked to spaces, so a tag inside them is not found but offsets stay those of the text.
/// </summary>
internal static partial class MarkupText
{
    /// <summary>The whole stream as Latin-1 text, or null when it is larger than a metadata structure may be.</summary>
    public static string? Read(Stream s)
    {
        if (s.Length > IoLimits.MaxMetadataStructure) return null;
        var bytes = BoundedRead.ReadAt(s, 0, s.Length, IoLimits.MaxMetadataStructure);
        return bytes is null ? null : Encoding.Latin1.GetString(bytes);
    }

    public static byte[] Bytes(string latin1Text) => Encoding.Latin1.GetBytes(latin1Text);

    /// <summary>The text with comments (and, when asked, script/style bodies) replaced by spaces; null when a comment
    /// is not closed.</summary>
    public static string? Mask(string text, bool scriptAndStyle)
    {
        var mask = new StringBuilder(text);
        var at = 0;
        while ((at = text.IndexOf("<!--", at, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("-->", at + 4, StringComparison.Ordinal);
            if (end < 0) return null;
            for (var i = at; i < end + 3; i++) mask[i] = ' ';
            at = end + 3;
        }
        if (scriptAndStyle)
        {
            var masked = mask.ToString();
            foreach (Match m in RawTextElement().Matches(masked))
                for (var i = m.Groups["body"].Index; i < m.Groups["body"].Index + m.Groups["body"].Length; i++) mask[i] = ' ';
        }
        return mask.ToString();
    }

    /// <summary>The index just past the <c>&gt;</c> closing the tag that starts at <paramref name="tagStart"/>
    /// (quoted attribute values may contain <c>&gt;</c>); -1 when the tag is not closed.</summary>
    public static int TagEnd(string mask, int tagStart)
    {
        char quote = '\0';
        for (var i = tagStart + 1; i < mask.Length; i++)
        {
            var c = mask[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
            else if (c == '<') return -1;
        }
        return -1;
    }

    /// <summary>The attributes of a start tag (names lower-cased), values as written (entities not decoded).</summary>
    public static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var nameEnd = 1;
        while (nameEnd < tag.Length && !char.IsWhiteSpace(tag[nameEnd]) && tag[nameEnd] is not ('>' or '/')) nameEnd++;
        foreach (Match m in Attribute().Matches(tag, nameEnd))
        {
            var value = m.Groups["dq"].Success ? m.Groups["dq"].Value
                : m.Groups["sq"].Success ? m.Groups["sq"].Value : m.Groups["bare"].Value;
            result.TryAdd(m.Groups["name"].Value.ToLowerInvariant(), value);
        }
        return result;
    }

    /// <summary>The range to cut when removing [start, end): the element and, when it stands on its own line, that
    /// line's indentation and line break; when it starts a line that goes on, the line break before it (where a
    /// writer inserted "\n" + element). Removing what a writer inserted leaves the text as it was.</summary>
    public static (int Start, int End) WholeLine(string text, int start, int end)
    {
        var s = start;
        while (s > 0 && text[s - 1] is ' ' or '\t') s--;
        var e = end;
        while (e < text.Length && text[e] is ' ' or '\t') e++;
        if (s > 0 && text[s - 1] != '\n') return (start, end);
        if (e < text.Length && text[e] == '\r') e++;
        if (e < text.Length && text[e] == '\n') return (s, e + 1);
        if (e == text.Length) return (s, e);
        if (s == 0) return (start, end);
        return (text[s - 1] == '\n' && s >= 2 && text[s - 2] == '\r' ? s - 2 : s - 1, end);
    }

    /// <summary>The text with the ranges cut out and <paramref name="insert"/> placed at <paramref name="at"/>
    /// (an offset of the original text, outside every cut).</summary>
    public static string Splice(string text, List<(int Start, int End)> cuts, int at, string insert)
    {
        var edits = cuts.Select(c => (c.Start, c.End, Text: "")).Append((Start: at, End: at, Text: insert))
            .OrderBy(e => e.Start).ThenBy(e => e.End);
        var result = new System.Text.StringBuilder(text.Length + insert.Length);
        var pos = 0;
        foreach (var (start, end, add) in edits)
        {
            if (start < pos) { if (end > pos) pos = end; result.Append(add); continue; }
            result.Append(text, pos, start - pos).Append(add);
            pos = end;
        }
        return result.Append(text, pos, text.Length - pos).ToString();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>(?<body>.*?)</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 2000)]
    private static partial Regex RawTextElement();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>""']+)))?", RegexOptions.None, 2000)]
    private static partial Regex Attribute();
}
