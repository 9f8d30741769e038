using Suanbei.Labels.Explicit;

namespace Suanbei.Labels.Tests.Explicit;

public sealed class TextLabelerTests
{
    [Fact]
    public void Prefix_suffix_and_both_are_found_by_the_checker_where_they_were_put()
    {
        var body = string.Join("\n", Enumerable.Repeat("这是一段关于天气的普通文字，没有任何提示。", 40));
        Assert.Empty(TextLabeler.Check(body));

        var (prefixed, report) = TextLabeler.Apply(body, TextLabelPosition.Prefix);
        Assert.StartsWith("【本内容由人工智能生成】", prefixed);
        Assert.Equal("prefix", report.Position);
        Assert.Equal(["start"], TextLabeler.Check(prefixed).Select(m => m.Where));

        var (suffixed, _) = TextLabeler.Apply(body, TextLabelPosition.Suffix);
        Assert.EndsWith("【本内容由人工智能生成】\n", suffixed);
        Assert.Equal(["end"], TextLabeler.Check(suffixed).Select(m => m.Where));

        var (both, _) = TextLabeler.Apply(body, TextLabelPosition.Both, "由AI合成");
        Assert.Equal(["start", "end"], TextLabeler.Check(both).Select(m => m.Where));
        Assert.All(TextLabeler.Check(both), m => Assert.Equal("AI合成", m.Phrase));
    }

    [Fact]
    public void Checker_finds_middle_labels_and_ignores_AI_inside_words()
    {
        var text = new string('字', 500) + "以下图片为AI生成。" + new string('字', 500);
        var match = Assert.Single(TextLabeler.Check(text));
        Assert.Equal("middle", match.Where);
        Assert.Equal(505, match.Index);
        Assert.Empty(TextLabeler.Check("Send MAIL generation reports; 生产计划")); // no AI element, no generation element
        Assert.Empty(TextLabeler.Check("人工智能是一门学科。")); // AI element alone is not a label
    }

    [Fact]
    public void Markdown_prefix_goes_after_front_matter_and_suffix_never_inside_a_code_fence()
    {
        var md = "---\ntitle: 天气\nAIGC: {Label: '1'}\n---\n# 标题\n\n正文\n\n```python\nprint('x')\n";
        var (labeled, report) = TextLabeler.Apply(md, TextLabelPosition.Both, markdown: true);
        Assert.StartsWith("---\ntitle: 天气\nAIGC: {Label: '1'}\n---\n> 本内容由人工智能生成\n\n# 标题", labeled);
        Assert.EndsWith("print('x')\n```\n\n> 本内容由人工智能生成\n", labeled);
        Assert.Equal("true", report.Details["afterFrontMatter"]);
        Assert.Equal("true", report.Details["closedCodeFence"]);
    }

    [Fact]
    public void Wording_without_both_elements_is_refused()
    {
        Assert.Throws<ExplicitLabelException>(() => TextLabeler.Apply("x", wording: "人工智能"));
        Assert.Throws<ExplicitLabelException>(() => TextLabeler.Apply("x", wording: "机器生成"));
        Assert.True(ExplicitLabel.IsValidWording("AI生成"));
    }

    [Fact]
    public void File_is_written_atomically_and_markdown_detected_by_extension()
    {
        var dir = Directory.CreateTempSubdirectory("suanbei-text-");
        try
        {
            var input = Path.Combine(dir.FullName, "a.md");
            File.WriteAllText(input, "+++\ntitle = 'x'\n+++\n正文\n");
            var output = Path.Combine(dir.FullName, "b.md");
            TextLabeler.ApplyToFile(input, output);
            Assert.Equal("+++\ntitle = 'x'\n+++\n> 本内容由人工智能生成\n\n正文\n", File.ReadAllText(output));
            Assert.Equal(["a.md", "b.md"], dir.GetFiles().Select(f => f.Name).Order()); // no temp file left behind
            Assert.Throws<ExplicitLabelException>(() => TextLabeler.ApplyToFile(Path.Combine(dir.FullName, "missing.txt"), output));
        }
        finally { dir.Delete(true); }
    }
}
