using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Text;

/// <summary>
/// Plain text (.txt). The label is a line <c>AIGC: {json}</c> (UTF-8). Suanbei writes it as the LAST line (appended,
/// so in-place writing never moves the text); readers accept it as the first or the last non-empty line. The
/// first/last positions only: an AIGC line in the middle of the text is content, not a label.
/// </summary>
public sealed class TextFormat : IContainerFormat, IContentDigest
{
    public string Name => "text";
    public IReadOnlyList<string> Extensions { get; } = [".txt", ".text"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => Extensions.Contains(extension) && !head.Contains((byte)0);

    internal static List<LabelLine> Find(Stream s)
    {
        var found = new List<LabelLine>();
        if (s.Length == 0) return found;
        var (first, next, bom) = TextLines.First(s);
        if (TextLines.LabelValue(first) is { } v1) found.Add(new LabelLine(0, next, v1, "text/first-line"));
        var (last, start) = TextLines.Last(s);
        if (TextLines.LabelValue(last) is { } v2 && start >= next && !(found.Count > 0 && start < next))
            found.Add(new LabelLine(start, s.Length, v2, "text/last-line"));
        return found;
    }

    public ContainerReadResult Read(Stream input) =>
        new(Find(input).Select(l => new FoundLabel(l.Placement, l.Value)).ToList());

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var lines = Find(input);
        var first = lines.FirstOrDefault(l => l.Start == 0);
        var last = lines.FirstOrDefault(l => l.Start > 0);
        // Keep the first line's BOM when the label line we drop was first.
        if (first is not null && HasBom(input)) output.Write([0xEF, 0xBB, 0xBF]);
        var keepEnd = last?.Start ?? input.Length;
        input.Position = first?.End ?? 0;
        RangeCopy.CopyExactly(input, output, keepEnd - input.Position);
        output.Write(LabelLineBytes(input, keepEnd, label));
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var lines = Find(file);
        if (lines.Any(l => l.Start == 0)) throw new LabelWriteException("标识位于首行，原地写入需移动正文；请用 -o 写入新文件");
        var keepEnd = lines.FirstOrDefault()?.Start ?? file.Length;
        var bytes = LabelLineBytes(file, keepEnd, label);
        file.Position = keepEnd;
        file.Write(bytes);
        file.SetLength(keepEnd + bytes.Length);
    }

    /// <summary>"AIGC: {json}\n", preceded by a newline when the kept text does not end with one.</summary>
    private static byte[] LabelLineBytes(Stream s, long keepEnd, AigcLabel label)
    {
        var needsNewline = false;
        if (keepEnd > 0)
        {
            s.Position = keepEnd - 1;
            needsNewline = s.ReadByte() != '\n';
        }
        return Encoding.UTF8.GetBytes((needsNewline ? "\n" : "") + TextLines.Prefix + " " + label.ToJson() + "\n");
    }

    private static bool HasBom(Stream s)
    {
        s.Position = 0;
        Span<byte> b = stackalloc byte[3];
        return BoundedRead.TryReadExactly(s, b) && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
    }

    /// <summary>Signature content: the file's bytes without the label line(s) (first and/or last, each with its
    /// line terminator).</summary>
    public void WriteContentForHash(Stream input, Stream output) =>
        TextLines.CopyExcept(input, output, Find(input).Select(l => (l.Start, l.End)));
}
