using System.Text.RegularExpressions;

namespace Suanbei.Labels.Explicit;

/// <summary>
/// Explicit labels for text (reference §5: a prompt at the start, end or middle; wording with an AI element and a
/// generation element). Markdown-aware: a prefix goes after YAML/TOML front matter, and a suffix never lands inside an
/// unclosed code fence.
/// </summary>
public static partial class TextLabeler
{
    /// <summary>Text near the start/end counted as "start"/"end" by the checker.</summary>
    private const int EdgeWindow = 200;

    public static (string Text, ExplicitLabelReport Report) Apply(string text, TextLabelPosition position = TextLabelPosition.Prefix,
        string wording = ExplicitLabel.DefaultWording, bool markdown = false)
    {
        ExplicitLabel.RequireWording(wording);
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var line = markdown ? $"> {wording}" : $"【{wording}】";
        var result = text;
        var details = new Dictionary<string, string> { ["markdown"] = markdown ? "true" : "false" };
        if (position is TextLabelPosition.Suffix or TextLabelPosition.Both)
        {
            var body = result.TrimEnd('\r', '\n');
            // An unclosed fence runs to the end of the document: close it so the label is not shown as code.
            var fence = markdown ? UnclosedFence(body) : null;
            if (fence is not null) { body += newline + fence; details["closedCodeFence"] = "true"; }
            result = body + newline + newline + line + newline;
        }
        if (position is TextLabelPosition.Prefix or TextLabelPosition.Both)
        {
            var insertAt = markdown ? FrontMatterEnd(result) : 0;
            result = result[..insertAt] + line + newline + newline + result[insertAt..];
            if (insertAt > 0) details["afterFrontMatter"] = "true";
        }
        var where = position switch { TextLabelPosition.Prefix => "prefix", TextLabelPosition.Suffix => "suffix", _ => "both" };
        return (result, new ExplicitLabelReport("text", where, wording, null, null, details));
    }

    /// <summary>Labels a text file (UTF-8) into <paramref name="output"/>, atomically. Markdown is detected by extension
    /// unless given.</summary>
    public static ExplicitLabelReport ApplyToFile(string input, string output, TextLabelPosition position = TextLabelPosition.Prefix,
        string wording = ExplicitLabel.DefaultWording, bool? markdown = null)
    {
        ExplicitLabel.RequireInput(input);
        if (new FileInfo(input).Length > 64 * 1024 * 1024) throw new ExplicitLabelException("文本文件过大（超过 64 MB）");
        var isMarkdown = markdown ?? Path.GetExtension(input).ToLowerInvariant() is ".md" or ".markdown";
        var (text, report) = Apply(File.ReadAllText(input), position, wording, isMarkdown);
        ExplicitLabel.Atomically(output, temp => File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false)));
        return report;
    }

    /// <summary>Every explicit label in <paramref name="text"/>: a phrase with an AI element and a generation element
    /// within a few characters of each other (e.g. 本内容由人工智能生成, AI生成, 由AI合成), or a standalone "AI" mark.</summary>
    public static IReadOnlyList<TextLabelMatch> Check(string text)
    {
        var matches = new List<TextLabelMatch>();
        foreach (Match m in LabelPhrase().Matches(text))
        {
            var where = m.Index < EdgeWindow ? "start" : m.Index + m.Length > text.Length - EdgeWindow ? "end" : "middle";
            matches.Add(new TextLabelMatch(where, m.Index, m.Value));
        }
        return matches;
    }

    /// <summary>Index just after YAML (---) or TOML (+++) front matter, or 0.</summary>
    private static int FrontMatterEnd(string text)
    {
        var m = FrontMatter().Match(text);
        return m.Success ? m.Length : 0;
    }

    /// <summary>The fence that is still open at the end of <paramref name="text"/>, if any.</summary>
    private static string? UnclosedFence(string text)
    {
        string? open = null;
        foreach (Match m in FenceLine().Matches(text))
        {
            var fence = m.Groups[1].Value;
            if (open is null) open = fence;
            else if (fence[0] == open[0] && fence.Length >= open.Length) open = null;
        }
        return open;
    }

    [GeneratedRegex(@"\A(?:---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|\z)|\+\+\+[ \t]*\r?\n[\s\S]*?\r?\n\+\+\+[ \t]*(?:\r?\n|\z))")]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"^[ ]{0,3}(`{3,}|~{3,})", RegexOptions.Multiline)]
    private static partial Regex FenceLine();

    [GeneratedRegex(
        @"(?:人工智能|(?<![A-Za-z])AI(?![A-Za-z])).{0,8}?(?:生成|合成)|(?:生成|合成).{0,4}?(?:人工智能|(?<![A-Za-z])AI(?![A-Za-z]))|【AI】|\[AI\]",
        RegexOptions.IgnoreCase)]
    private static partial Regex LabelPhrase();
}
