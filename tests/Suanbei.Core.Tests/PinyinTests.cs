using System.Text;
using Suanbei.Core.Identifiers;
using Suanbei.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Suanbei.Core.Tests;

public sealed class PinyinTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("文心一言", "WenXinYiYan")]
    [InlineData("必应", "BiYing")]
    [InlineData("GLM-4", "GLM-4")]
    [InlineData("书生·浦语", "ShuShengPuYu")]
    [InlineData("“天工”大模型", "TianGongDaMoXing")]
    [InlineData("智谱清言（ChatGLM）", "ZhiPuQingYanChatGLM")]
    [InlineData("360智脑", "360ZhiNao")]
    [InlineData("ＧＬＭ－４　对话", "GLM-4DuiHua")]
    [InlineData("绿女", "LvNv")]
    [InlineData("-- 《》 --", "")]
    [InlineData("", "")]
    public void Romanises_han_by_syllable_keeps_ascii_and_drops_punctuation(string name, string expected) =>
        Assert.Equal(expected, Pinyin.Romanise(name));

    /// <summary>GB 2312 levels 1 and 2: rows 16–87 of the 94×94 table (bytes B0–F7 × A1–FE in EUC-CN), 6,763 characters,
    /// read from the system's own GB 2312 encoder, independently of the table.</summary>
    [Fact]
    public void Reads_every_character_of_gb2312_levels_one_and_two()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb2312 = Encoding.GetEncoding("gb2312", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var characters = new List<string>();
        for (var lead = 0xB0; lead <= 0xF7; lead++)
            for (var trail = 0xA1; trail <= 0xFE; trail++)
            {
                var text = gb2312.GetString([(byte)lead, (byte)trail]);
                if (text.Length == 1 && text[0] >= 0x4E00 && text[0] <= 0x9FFF) characters.Add(text);
            }
        Assert.Equal(6763, characters.Count);
        var missing = characters.Where(c => Pinyin.Syllable(c[0]) is null).ToList();
        Assert.True(missing.Count == 0, "no reading for " + string.Concat(missing));
        Assert.True(Pinyin.Count > 40_000);
    }

    /// <summary>
    /// The published numbers against the names. Rows whose number is a romanisation (its middle part, less any Latin
    /// text the name itself has, splits into pinyin syllables) are compared; the others (TencentHunyuan, Sangfor) are
    /// brand names. The regulator also drops words (大模型, a company prefix): such a number is a part of the name
    /// romanised, which agrees with the table. The rest differ by a character read another way in its word (行业 HangYe,
    /// 长虹 ChangHong). The shares are reported; the floors pin today's table so a broken one fails.
    /// </summary>
    [Fact]
    public void Romanisation_matches_most_published_numbers_that_romanise_the_name()
    {
        var syllables = File.ReadLines(Path.Combine(RepoPaths.Root, "src", "Suanbei.Core", "Data", "pinyin.tsv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t')[0]).ToHashSet();
        var rows = File.ReadLines(RepoPaths.PublishedList("generative-ai-filings.tsv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[3] != "属地" && c[4].Any(ch => ch is >= '\u4E00' and <= '\u9FFF'))
            .Select(c => (Name: c[4], Middle: GenerativeAiNumber.Decode(c[6]).Name!))
            .Where(r => IsPinyin(LatinRemoved(r.Middle, r.Name), syllables))
            .ToList();
        var exact = rows.Where(r => string.Equals(Pinyin.Romanise(r.Name), r.Middle, StringComparison.OrdinalIgnoreCase)).ToList();
        var part = rows.Except(exact)
            .Where(r => Pinyin.Romanise(r.Name).Contains(r.Middle, StringComparison.OrdinalIgnoreCase)).ToList();
        var differ = rows.Except(exact).Except(part).ToList();
        output.WriteLine($"{rows.Count} published numbers romanise the model name: the table gives the same {exact.Count} " +
            $"({100.0 * exact.Count / rows.Count:F1} %), a part of it (words dropped) {part.Count} " +
            $"({100.0 * part.Count / rows.Count:F1} %), another reading {differ.Count} ({100.0 * differ.Count / rows.Count:F1} %)");
        foreach (var r in differ) output.WriteLine($"  {r.Name}\t{r.Middle}\t{Pinyin.Romanise(r.Name)}");
        Assert.True(rows.Count > 100);
        Assert.True(exact.Count * 10 > rows.Count * 4, $"only {exact.Count} of {rows.Count} are the name romanised");
        Assert.True((exact.Count + part.Count) * 100 > rows.Count * 85, $"{differ.Count} of {rows.Count} differ");
    }

    private static string LatinRemoved(string middle, string name)
    {
        foreach (var latin in System.Text.RegularExpressions.Regex.Matches(name, "[A-Za-z0-9]+").Select(m => m.Value))
            middle = middle.Replace(latin, "", StringComparison.OrdinalIgnoreCase);
        return middle.Replace("-", "");
    }

    /// <summary>Whether the text (case ignored) splits into readings of the table, and has at least one.</summary>
    private static bool IsPinyin(string text, HashSet<string> syllables)
    {
        var s = text.ToLowerInvariant();
        var reachable = new bool[s.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < s.Length; i++)
            if (reachable[i])
                for (var n = 1; n <= 6 && i + n <= s.Length; n++)
                    if (syllables.Contains(s.Substring(i, n))) reachable[i + n] = true;
        return s.Length > 0 && reachable[s.Length];
    }
}
