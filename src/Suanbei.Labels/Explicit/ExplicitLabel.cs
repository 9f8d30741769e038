using System.Diagnostics;
using Suanbei.Core.Files;

namespace Suanbei.Labels.Explicit;

/// <summary>Shared wording rules and plumbing for explicit labels (reference §5).</summary>
public static class ExplicitLabel
{
    /// <summary>Default wording: an AI element (人工智能) and a generation element (生成).</summary>
    public const string DefaultWording = "本内容由人工智能生成";
    /// <summary>Short wording for narrow images/videos.</summary>
    public const string ShortWording = "AI生成";

    /// <summary>Noto Sans CJK from Debian's fonts-noto-cjk (face 0 of the collection covers all CJK ideographs).</summary>
    public const string NotoCjkFontFile = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /// <summary>The fontconfig name ImageMagick uses for the Simplified Chinese face of the same collection.</summary>
    public const string NotoCjkScFontName = "Noto-Sans-CJK-SC";

    public static readonly IReadOnlyList<string> AiElements = ["人工智能", "AI"];
    public static readonly IReadOnlyList<string> GenerationElements = ["生成", "合成"];

    /// <summary>True when <paramref name="wording"/> has both elements the reference requires.</summary>
    public static bool IsValidWording(string wording) =>
        AiElements.Any(a => wording.Contains(a, StringComparison.OrdinalIgnoreCase)) && GenerationElements.Any(wording.Contains);

    internal static void RequireWording(string wording)
    {
        if (!IsValidWording(wording))
            throw new ExplicitLabelException($"提示文字“{wording}”须同时含“人工智能”或“AI”以及“生成”或“合成”");
    }

    /// <summary>Runs a Debian tool with an argument list (never a shell); throws with its stderr on failure.</summary>
    internal static string Run(string tool, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi) ?? throw new ExplicitLabelException($"无法启动 {tool}"); }
        catch (System.ComponentModel.Win32Exception) { throw new ExplicitLabelException($"未安装 {tool}（请安装对应的 Debian 软件包）"); }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(30)))
            {
                p.Kill(entireProcessTree: true);
                throw new ExplicitLabelException($"{tool} 超时");
            }
            if (p.ExitCode != 0) throw new ExplicitLabelException($"{tool} 失败（退出码 {p.ExitCode}）：{Tail(stderr.Result)}");
            return stdout.Result;
        }
    }

    private static string Tail(string s) => s.Length > 600 ? s[^600..] : s;

    /// <summary>Writes through <paramref name="produce"/> into a temp file beside <paramref name="output"/>, then renames
    /// it over the output: readers never see a half-written file and the input is untouched on failure.</summary>
    internal static void Atomically(string output, Action<string> produce)
    {
        var full = Path.GetFullPath(output);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new ExplicitLabelException($"输出目录不存在：{dir}");
        if (!OutputPaths.IsReplaceable(full)) throw new ExplicitLabelException(OutputPaths.NotReplaceable(full));
        var temp = Path.Combine(dir, "." + Path.GetFileNameWithoutExtension(full) + ".tmp-" + Guid.NewGuid().ToString("N")[..8] +
            Path.GetExtension(full));
        try
        {
            produce(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    internal static void RequireInput(string input)
    {
        if (!File.Exists(input)) throw new ExplicitLabelException($"输入文件不存在：{input}");
    }
}
