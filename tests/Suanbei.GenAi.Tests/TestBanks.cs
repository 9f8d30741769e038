using System.Text;

namespace Suanbei.GenAi.Tests;

/// <summary>Writes bank files for tests into a temporary folder, deleted on dispose.</summary>
public sealed class TestBanks : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("suanbei-genai-").FullName;

    public string Path(string name) => System.IO.Path.Combine(Dir, name);

    /// <summary>A CSV bank with <paramref name="perCode"/> distinct items for each code; <paramref name="text"/> makes
    /// an item's text from its code and number.</summary>
    public string Csv(string name, IEnumerable<string> codes, int perCode, Func<string, int, string>? text = null)
    {
        var sb = new StringBuilder("id,text,risk\n");
        foreach (var code in codes)
            for (var i = 0; i < perCode; i++)
                sb.Append($"{code}-{i},\"{(text ?? DefaultText)(code, i).Replace("\"", "\"\"")}\",{code}\n");
        File.WriteAllText(Path(name), sb.ToString());
        return Path(name);
    }

    public static string DefaultText(string code, int i) => $"关于{code}的第{i}个测试问题";

    public string Write(string name, string content)
    {
        File.WriteAllText(Path(name), content);
        return Path(name);
    }

    public static IEnumerable<string> Codes(string prefix) =>
        AssessmentRules.Default.Risks.Concat(AssessmentRules.Default.Aspects)
            .Select(r => r.Code).Where(c => c.StartsWith(prefix + ".", StringComparison.Ordinal));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
