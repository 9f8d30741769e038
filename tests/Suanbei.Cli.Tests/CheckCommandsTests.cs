using System.Text.Json;
using System.Text.Json.Nodes;
using Suanbei.Core.Checks;
using Suanbei.Testing;
using Suanbei.Web.Features.Filings.Checks;

namespace Suanbei.Cli.Tests;

public class CheckCommandsTests
{
    private static string Example => Path.Combine(RepoPaths.Root, "docs", "examples", "filing-snapshot.json");

    private static string WriteVariant(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(Example))!;
        change(node);
        var path = Path.Combine(Path.GetTempPath(), $"suanbei-check-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    [Fact]
    public void Json_report_is_byte_for_byte_what_the_api_answers_for_the_same_snapshot()
    {
        var path = WriteVariant(n => { n["filing"]!["logRetentionMonths"] = 3; n["filing"]!["scenarios"] = "泛娱乐场景"; });
        try
        {
            var r = CliRunner.Run("check", path, "--json", "--date", "2026-11-22");
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Null(FilingSnapshot.TryParse(File.ReadAllText(path), out var snapshot));
            var report = PresubmissionCheck.Evaluate(snapshot!, new DateOnly(2026, 11, 22));
            Assert.True(report.Findings.Count >= 2);
            var api = ChecksModule.Json(ChecksModule.Dto(report, snapshot));
            var bytes = Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.IContentTypeHttpResult>(api);
            var body = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult>(api).FileContents.ToArray();
            Assert.Equal("application/json; charset=utf-8", bytes.ContentType);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(body), r.StdOut.TrimEnd('\n', '\r'));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Clean_example_exits_0_with_no_findings()
    {
        var r = CliRunner.Run("check", Example, "--json", "--date", "2026-11-22");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.False(doc.RootElement.GetProperty("blocks").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Blocking_finding_exits_1_and_lists_field_message_source()
    {
        var path = WriteVariant(n => n["filing"]!["logRetentionMonths"] = 3);
        try
        {
            var r = CliRunner.Run("check", path, "--json", "--date", "2026-11-22");
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.DoesNotContain("\\u", r.StdOut);
            using var doc = JsonDocument.Parse(r.StdOut);
            var f = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("logs.retention-short", f.GetProperty("ruleId").GetString());
            Assert.Equal("阻断", f.GetProperty("severity").GetString());
            Assert.Equal("filing.logRetentionMonths", f.GetProperty("field").GetString());
            Assert.Contains("3 个月", f.GetProperty("message").GetString());
            Assert.Contains("《中华人民共和国网络安全法》第二十一条", f.GetProperty("source").GetString()); // an article a filer can look up
            Assert.Equal("日志留存期限（月）", f.GetProperty("label").GetString()); // the form's name next to the snapshot path
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Warning_only_exits_0_and_text_output_is_chinese()
    {
        var path = WriteVariant(n => n["filing"]!["scenarios"] = "泛娱乐场景");
        try
        {
            var r = CliRunner.Run("check", path, "--date", "2026-11-22");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Contains("[警告] 使用场景（filing.scenarios，scenario.vague）", r.StdOut);
            Assert.Contains("泛娱乐", r.StdOut);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Expiry_depends_on_the_date_option()
    {
        Assert.Equal(0, CliRunner.Run("check", Example, "--date", "2030-06-30").ExitCode);
        var r = CliRunner.Run("check", Example, "--json", "--date", "2030-07-01");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("icp.expired", r.StdOut);
    }

    [Fact]
    public void Copy_of_another_filing_is_found_with_its_source()
    {
        var other = WriteVariant(n => { n["filing"]!["name"] = "别家写作算法"; });
        try
        {
            var r = CliRunner.Run("check", Example, "--json", "--date", "2026-11-22", "--against", other);
            Assert.True(r.ExitCode == 0, r.ToString()); // a warning, not blocking
            Assert.Contains("text.registry-copy", r.StdOut);
            Assert.Contains("别家写作算法", r.StdOut);
        }
        finally { File.Delete(other); }
    }

    [Fact]
    public void Missing_or_malformed_file_exits_10()
    {
        var r = CliRunner.Run("check", "/nonexistent/filing.json");
        Assert.Equal(10, r.ExitCode);
        Assert.Contains("文件不存在", r.StdErr);
        var bad = Path.Combine(Path.GetTempPath(), $"suanbei-check-{Guid.NewGuid():N}.json");
        File.WriteAllText(bad, "{\"filing\":{\"logRetentionMonths\":\"six\"}}");
        try
        {
            r = CliRunner.Run("check", bad);
            Assert.Equal(10, r.ExitCode);
            Assert.Contains("logRetentionMonths", r.StdErr);
        }
        finally { File.Delete(bad); }
        Assert.Equal(10, CliRunner.Run("check", Example, "--date", "22/11/2026").ExitCode);
    }
}
