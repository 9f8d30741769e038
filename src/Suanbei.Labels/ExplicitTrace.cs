using System.Text;
using System.Text.RegularExpressions;

namespace Suanbei.Labels;

/// <summary>Traces of an explicit label that a propagation platform can detect without OCR: text content carrying
/// an AI-generation marking (an AI element and a generation element, reference §5).</summary>
public static partial class ExplicitTrace
{
    public static bool Found(string path, string? format)
    {
        if (format is not ("text" or "markdown")) return false;
        try
        {
            using var s = File.OpenRead(path);
            var buffer = new byte[Math.Min(s.Length, 1024 * 1024)];
            var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return InText(Encoding.UTF8.GetString(buffer, 0, n));
        }
        catch (IOException) { return false; }
    }

    public static bool InText(string text) => Marking().IsMatch(text);

    [GeneratedRegex(@"(人工智能|AI|ＡＩ|AIGC)[^\n]{0,12}?(生成|合成)|(由|经)[^\n]{0,6}?(人工智能|AI)[^\n]{0,6}?(生成|合成)", RegexOptions.None, 1000)]
    private static partial Regex Marking();
}
