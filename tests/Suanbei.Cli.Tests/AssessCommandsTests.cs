using System.Text.Json;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

public class AssessCommandsTests
{
    private static string Scenario(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "Suanbei.Core.Tests", "AssessmentScenarios", name + ".json");

    [Fact]
    public void Json_plan_for_the_api_only_vendor()
    {
        var r = CliRunner.Run("assess", Scenario("api-only-model-vendor"), "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain("\\u", r.StdOut);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("filingRequired").GetBoolean());
        var filing = Assert.Single(root.GetProperty("filings").EnumerateArray());
        Assert.Equal("TechnicalSupporter", filing.GetProperty("role").GetString());
        Assert.Equal("服务技术支持者", filing.GetProperty("roleName").GetString());
        Assert.Equal("Filing", root.GetProperty("largeModel").GetProperty("kind").GetString());
        Assert.All(root.GetProperty("reasons").EnumerateArray(), c => Assert.StartsWith("《", c.GetProperty("article").GetString()));
    }

    [Fact]
    public void Json_plan_for_the_internal_tool_says_no_filing()
    {
        var r = CliRunner.Run("assess", Scenario("internal-analytics-tool"), "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.False(doc.RootElement.GetProperty("filingRequired").GetBoolean());
        Assert.Equal("scope.internal-only", doc.RootElement.GetProperty("reasons")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Text_summary_in_chinese()
    {
        var r = CliRunner.Run("assess", Scenario("news-aggregator"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("结论：需要算法备案", r.StdOut);
        Assert.Contains("备案清单（3 项）", r.StdOut);
        Assert.Contains("今日速览热榜排序算法 — 排序精选类 — 服务提供者", r.StdOut);
    }

    [Fact]
    public void Bad_answers_exit_10_naming_the_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"suanbei-answers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"serviceName":"x","audience":"Everyone","offersToEndUsers":true,"functions":[{"name":"a"}]}""");
        try
        {
            var r = CliRunner.Run("assess", path, "--json");
            Assert.True(r.ExitCode == 10, r.ToString());
            Assert.Contains("$.audience", r.StdErr);
            Assert.Equal("", r.StdOut);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Missing_file_exits_10()
    {
        var r = CliRunner.Run("assess", "/nonexistent/answers.json");
        Assert.True(r.ExitCode == 10, r.ToString());
        Assert.Contains("文件不存在", r.StdErr);
    }
}
