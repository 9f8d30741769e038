using System.Text.Json;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>The registry command-line contract, run as a real process on a fresh data folder.</summary>
public sealed class RegistryCommandsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "suanbei-cli-registry-" + Guid.NewGuid().ToString("N")[..8]);
    private static IReadOnlyList<string> Files => Suanbei.Registry.Published.PublishedLists.FileNames;

    public void Dispose()
    {
        try { Directory.Delete(_data, true); } catch { }
    }

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(args.Concat(["--data", _data]), timeout: TimeSpan.FromMinutes(2));

    private CliRunner.Result ImportAll() => Run(["registry", "import", .. Files.Select(RepoPaths.PublishedList)]);

    private static List<JsonElement> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Import_search_stats_and_export_follow_the_contract()
    {
        var import = ImportAll();
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("deep-synthesis-filings.tsv：读取 236 行，报告 0 行", import.StdOut);
        Assert.Contains("generative-ai-filings.tsv：读取 221 行，报告 1 行", import.StdOut);
        Assert.Contains("第191行", import.StdOut);

        var stats = Run("registry", "stats", "--json");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        var s = Assert.Single(Lines(stats.StdOut));
        Assert.Equal(739, s.GetProperty("entries").GetInt32());
        Assert.Equal(57, s.GetProperty("cancelled").GetInt32());
        Assert.Equal(682, s.GetProperty("active").GetInt32());

        // Same files again: same registry.
        Assert.Equal(0, ImportAll().ExitCode);
        Assert.Equal(stats.StdOut, Run("registry", "stats", "--json").StdOut);

        var search = Run("registry", "search", "豆包", "--json");
        Assert.True(search.ExitCode == 0, search.ToString());
        var hits = Lines(search.StdOut);
        Assert.Contains(hits, h => h.GetProperty("number").GetString() == "网信算备110108823483901230031号");
        foreach (var h in hits)
        {
            foreach (var key in new[] { "number", "name", "role", "entity", "products", "purpose", "status", "batches" })
                Assert.True(h.TryGetProperty(key, out _), key);
            Assert.Equal(JsonValueKind.Array, h.GetProperty("batches").ValueKind);
        }
        Assert.DoesNotContain("\\u", search.StdOut);

        var everything = Run("registry", "search", "", "--limit", "500", "--json");
        Assert.Equal(500, Lines(everything.StdOut).Count);

        var cancelled = Lines(Run("registry", "search", "", "--status", "cancelled", "--limit", "500", "--json").StdOut);
        Assert.Equal(57, cancelled.Count);
        Assert.All(cancelled, c => Assert.Equal("cancelled", c.GetProperty("status").GetString()));

        var one = Lines(Run("registry", "search", "猴", "--role", "服务技术支持者", "--province", "北京", "--type", "生成合成类", "--json").StdOut);
        Assert.Contains(one, h => h.GetProperty("name").GetString() == "序列猴子大模型算法");
        Assert.All(one, h => Assert.Equal("服务技术支持者", h.GetProperty("role").GetString()));

        var csv = Path.Combine(_data, "out.csv");
        var export = Run("registry", "export", "--format", "csv", "-o", csv, "--status", "cancelled");
        Assert.True(export.ExitCode == 0, export.ToString());
        var back = Suanbei.Registry.Import.RegistryImporter.ImportFile(csv);
        Assert.Equal(57, back.Rows.Count);
        Assert.Empty(back.Reported);

        var page = Path.Combine(_data, "page.html");
        File.WriteAllText(page, "<footer><a href=\"/registry/entry/网信算备360113475703901240013号\">网信算备360113475703901240013号</a></footer>");
        var display = Run("registry", "display-check", page, "--json");
        Assert.True(display.ExitCode == 1, display.ToString()); // linked and valid, but cancelled
        var d = Lines(display.StdOut)[0];
        Assert.Equal("cancelled", d.GetProperty("numbers")[0].GetProperty("status").GetString());
        Assert.True(d.GetProperty("numbers")[0].GetProperty("linked").GetBoolean());

        var bad = Run("registry", "search", "x", "--type", "不存在类", "--json");
        Assert.Equal(10, bad.ExitCode);
        Assert.Contains("算法类型", bad.StdErr);
    }

    [Fact]
    public void Import_published_fills_the_registry_with_the_shipped_lists_and_search_takes_any_limit()
    {
        var usage = Run("registry", "import");
        Assert.True(usage.ExitCode == 10, usage.ToString());
        Assert.Contains("--published", usage.StdErr);

        var import = Run("registry", "import", "--published");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("deep-synthesis-filings.tsv：读取 236 行", import.StdOut);
        Assert.Contains("cancellations.tsv：", import.StdOut);
        var stats = Lines(Run("registry", "stats", "--json").StdOut)[0];
        Assert.Equal(739, stats.GetProperty("entries").GetInt32());
        Assert.Equal(57, stats.GetProperty("cancelled").GetInt32());
        // Idempotent, as with files.
        Assert.Equal(0, Run("registry", "import", "--published").ExitCode);
        Assert.Equal(739, Lines(Run("registry", "stats", "--json").StdOut)[0].GetProperty("entries").GetInt32());

        // A limit above the web API's page size: every row, each written as read.
        var all = Run("registry", "search", "", "--limit", "1000", "--json");
        Assert.True(all.ExitCode == 0, all.ToString());
        var rows = Lines(all.StdOut);
        Assert.Equal(739, rows.Count);
        Assert.Equal(739, rows.Select(r => r.GetProperty("number").GetString()).Distinct().Count());
        Assert.Equal("", all.StdErr);

        // A cut-off result says so: in the table, and on stderr when stdout is JSON lines.
        var table = Run("registry", "search", "", "--limit", "600");
        Assert.Equal(600 + 1, table.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("共 739 条，显示 600 条", table.StdOut);
        var cut = Run("registry", "search", "", "--limit", "600", "--json");
        Assert.Equal(600, Lines(cut.StdOut).Count);
        Assert.Contains("共 739 条", cut.StdErr);

        var zero = Run("registry", "search", "", "--limit", "0");
        Assert.Equal(10, zero.ExitCode);
        Assert.Contains("--limit", zero.StdErr);

        // Export has no cap either.
        var csv = Path.Combine(_data, "all.csv");
        var export = Run("registry", "export", "--format", "csv", "-o", csv);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains("已导出 739 条", export.StdOut);
        Assert.Equal(739, Suanbei.Registry.Import.RegistryImporter.ImportFile(csv).Rows.Count);
    }

    [Fact]
    public void Import_exits_1_when_a_file_cannot_be_read_but_still_takes_the_others()
    {
        var broken = Path.Combine(Path.GetTempPath(), "suanbei-broken-" + Guid.NewGuid().ToString("N")[..6] + ".docx");
        File.WriteAllBytes(broken, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        try
        {
            var r = Run("registry", "import", broken, RepoPaths.PublishedList("algorithm-filings.tsv"));
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains("无法", r.StdOut);
            var s = Lines(Run("registry", "stats", "--json").StdOut)[0];
            Assert.Equal(239, s.GetProperty("entries").GetInt32());
        }
        finally { File.Delete(broken); }
    }

    [Fact]
    public void Number_decode_and_check_gain_registry_status_only_when_a_registry_exists()
    {
        const string cancelled = "网信算备360113475703901240013号";
        var before = CliRunner.Run("number", "decode", cancelled, "--json", "--data", _data);
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.False(JsonDocument.Parse(before.StdOut).RootElement.TryGetProperty("registry", out _));
        Assert.False(File.Exists(Path.Combine(_data, "suanbei.db"))); // no database created as a side effect

        Assert.Equal(0, ImportAll().ExitCode);
        var decode = JsonDocument.Parse(CliRunner.Run("number", "decode", cancelled, "--json", "--data", _data).StdOut).RootElement;
        var reg = decode.GetProperty("registry");
        Assert.True(reg.GetProperty("inRegistry").GetBoolean());
        Assert.Equal("cancelled", reg.GetProperty("status").GetString());
        Assert.Equal("2025-07-14", reg.GetProperty("cancelledOn").GetString());

        var check = CliRunner.Run("number", "check", "网信算备110108823483901230031号", "--data", _data);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("已收录：豆包大模型算法（北京抖音信息服务有限公司），有效", check.StdOut);
    }

    [Fact]
    public void Works_on_postgresql_with_db()
    {
        var cs = PostgresServer.Instance.CreateDatabase("cli");
        var import = CliRunner.Run(["registry", "import", RepoPaths.PublishedList("cancellations.tsv"),
            RepoPaths.PublishedList("deep-synthesis-filings.tsv"), "--db", cs, "--data", _data]);
        Assert.True(import.ExitCode == 0, import.ToString());
        var s = Lines(CliRunner.Run("registry", "stats", "--json", "--db", cs, "--data", _data).StdOut)[0];
        Assert.Equal(236 + 50, s.GetProperty("entries").GetInt32());
        Assert.Equal(57, s.GetProperty("cancelled").GetInt32());
        var two = Lines(CliRunner.Run("registry", "search", "豆包", "--json", "--db", cs, "--data", _data).StdOut);
        Assert.Contains(two, h => h.GetProperty("number").GetString() == "网信算备110108823483901230031号");
    }
}
