using System.Text;
using System.Text.Json;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Text;

namespace Suanbei.Labels.Formats.Markdown;

/// <summary>
/// Markdown. The label is the <c>AIGC:</c> key of the YAML front matter (between <c>---</c> lines at the top).
/// Suanbei writes <c>AIGC: {json}</c> (a YAML flow mapping, i.e. the JSON itself) as the last front-matter key,
/// adding front matter when there is none. Readers accept the flow form, a quoted JSON string and a block mapping
/// of the seven fields.
/// </summary>
public sealed class MarkdownFormat : IContainerFormat, IContentDigest
{
    private const int MaxFrontMatter = 256 * 1024;

    public string Name => "markdown";
    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown", ".mdown", ".mkd"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => Extensions.Contains(extension) && !head.Contains((byte)0);

    /// <summary>Front matter lines with byte offsets; null when the file has none (or it is unterminated within the bound).</summary>
    private sealed record Line(long Start, long End, string Text);
    private sealed record FrontMatter(int Bom, List<Line> Lines, long OpenEnd, long CloseStart, long CloseEnd, string NewLine);

    private static FrontMatter? ReadFrontMatter(Stream s, out string? damage)
    {
        damage = null;
        s.Position = 0;
        var buffer = new byte[(int)Math.Min(s.Length, MaxFrontMatter)];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bom = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var lines = new List<Line>();
        var pos = bom;
        while (pos < n)
        {
            var nl = Array.IndexOf(buffer, (byte)'\n', pos, n - pos);
            var end = nl < 0 ? n : nl + 1;
            lines.Add(new Line(pos, end, Encoding.UTF8.GetString(buffer, pos, end - pos).TrimEnd('\n', '\r')));
            pos = end;
            if (lines.Count == 1 && lines[0].Text != "---") return null;
            if (lines.Count > 1 && lines[^1].Text is "---" or "...")
            {
                var newline = Encoding.UTF8.GetString(buffer, (int)lines[0].Start, (int)(lines[0].End - lines[0].Start)).EndsWith("\r\n")
                    ? "\r\n" : "\n";
                return new FrontMatter(bom, lines[1..^1], lines[0].End, lines[^1].Start, lines[^1].End, newline);
            }
            if (nl < 0) break;
        }
        if (lines.Count > 0 && lines[0].Text == "---") damage = "Markdown 前置元数据未结束（或超过 256 KB）";
        return null;
    }

    /// <summary>The AIGC key lines (the key line plus its indented block) and the JSON value.</summary>
    private static List<(long Start, long End, string Value)> FindLabels(FrontMatter fm)
    {
        var found = new List<(long, long, string)>();
        for (var i = 0; i < fm.Lines.Count; i++)
        {
            var text = fm.Lines[i].Text;
            var colon = text.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(text[0]) || !AigcKey.Matches(text[..colon].Trim().Trim('"', '\''))) continue;
            var inline = text[(colon + 1)..].Trim();
            var j = i + 1;
            while (j < fm.Lines.Count && (fm.Lines[j].Text.Length == 0 || char.IsWhiteSpace(fm.Lines[j].Text[0]))) j++;
            string value;
            if (inline.Length > 0) value = Unquote(inline);
            else value = BlockToJson(fm.Lines.Skip(i + 1).Take(j - i - 1).Select(l => l.Text));
            found.Add((fm.Lines[i].Start, fm.Lines[j - 1].End, value));
            i = j - 1;
        }
        return found;
    }

    private static string Unquote(string v)
    {
        if (v.Length >= 2 && v[0] == '\'' && v[^1] == '\'') return v[1..^1].Replace("''", "'");
        if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
        {
            // A JSON string literal (escapes included); read without reflection so trimmed builds behave the same.
            try
            {
                using var doc = JsonDocument.Parse(v);
                return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() ?? "" : v[1..^1];
            }
            catch (JsonException) { return v[1..^1]; }
        }
        return v;
    }

    private static string BlockToJson(IEnumerable<string> lines)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            foreach (var line in lines)
            {
                var colon = line.IndexOf(':');
                if (colon <= 0) continue;
                w.WriteString(line[..colon].Trim().Trim('"', '\''), Unquote(line[(colon + 1)..].Trim()));
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public ContainerReadResult Read(Stream input)
    {
        var fm = ReadFrontMatter(input, out var damage);
        if (fm is null) return new ContainerReadResult([], damage);
        return new ContainerReadResult(FindLabels(fm).Select(l => new FoundLabel("markdown/front-matter/AIGC", l.Value)).ToList());
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var fm = ReadFrontMatter(input, out var damage);
        if (damage is not null) throw new LabelWriteException(damage + "，未写入");
        if (fm is null)
        {
            var bom = HasBom(input);
            if (bom) output.Write([0xEF, 0xBB, 0xBF]);
            output.Write(Encoding.UTF8.GetBytes("---\n" + TextLines.Prefix + " " + label.ToJson() + "\n---\n"));
            input.Position = bom ? 3 : 0;
            RangeCopy.CopyToEnd(input, input.Position, output);
            return;
        }
        var labels = FindLabels(fm);
        // Everything before the closing line, minus old AIGC entries; then the new entry; then the rest.
        var skip = labels.Select(l => (l.Start, l.End)).ToList();
        long at = 0;
        foreach (var (start, end) in skip)
        {
            input.Position = at;
            RangeCopy.CopyExactly(input, output, start - at);
            at = end;
        }
        input.Position = at;
        RangeCopy.CopyExactly(input, output, fm.CloseStart - at);
        output.Write(Encoding.UTF8.GetBytes(TextLines.Prefix + " " + label.ToJson() + fm.NewLine));
        input.Position = fm.CloseStart;
        RangeCopy.CopyToEnd(input, input.Position, output);
    }

    private static bool HasBom(Stream s)
    {
        s.Position = 0;
        Span<byte> b = stackalloc byte[3];
        return BoundedRead.TryReadExactly(s, b) && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("Markdown 不支持原地写入（前置元数据位于文件开头）");

    /// <summary>Signature content: the file's bytes without the AIGC entry lines of the front matter.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var fm = ReadFrontMatter(input, out var damage);
        if (damage is not null) throw new LabelWriteException(damage);
        TextLines.CopyExcept(input, output, fm is null ? [] : FindLabels(fm).Select(l => (l.Start, l.End)));
    }
}
