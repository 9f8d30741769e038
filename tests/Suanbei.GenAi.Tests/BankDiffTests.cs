using System.Text.Json;
using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Tests;

public class BankDiffTests
{
    private static BankItem Item(int row, string? id, string text, params string[] codes) => new(row, id, text, codes);

    [Fact]
    public void Items_match_by_id_else_by_normalised_text_and_counts_per_code_change()
    {
        var before = new[]
        {
            Item(2, "k1", "甲词", "A.1.1"), Item(3, "k2", "乙词", "A.1.1"), Item(4, "k3", "丙词", "A.2.1"),
            Item(5, null, "Ｈｅｌｌｏ 世界", "A.2.2"),
        };
        var after = new[]
        {
            Item(2, null, "hello世界", "A.2.2"), // same item without id: width, case and spaces do not matter
            Item(3, "k1", "甲词", "A.1.1"), Item(4, "k3", "丙词改", "A.2.1"), Item(5, "k4", "丁词", "A.1.1;A.2.1".Split(';')),
        };
        var diff = BankDiff.Compare(before, after);
        Assert.False(diff.Same);
        Assert.Equal(["k4"], diff.Added.Select(i => i.Id));
        Assert.Equal(["k2"], diff.Removed.Select(i => i.Id));
        var (was, now) = Assert.Single(diff.Changed);
        Assert.Equal(("丙词", "丙词改"), (was.Text, now.Text));
        Assert.Equal([new CodeDelta("A.1.1", 2, 2), new CodeDelta("A.2.1", 1, 2), new CodeDelta("A.2.2", 1, 1)], diff.ByCode);
        Assert.True(BankDiff.Compare(before, before.Reverse().ToArray()).Same);
    }

    [Fact]
    public void A_changed_code_is_a_changed_item()
    {
        var diff = BankDiff.Compare([Item(2, "q", "问题", "A.1.1")], [Item(2, "q", "问题", "A.1.2")]);
        Assert.Single(diff.Changed);
        Assert.Equal([-1, 1], diff.ByCode.Select(d => d.Change));
    }

    [Fact]
    public async Task Banks_diff_prints_the_changes_and_exits_1_when_versions_differ()
    {
        using var files = new TestBanks();
        var a = files.Write("v1.csv", "id,text,risk\nk1,甲词,A.1.1\nk2,乙词,A.1.1\n");
        var b = files.Write("v2.csv", "id,text,risk\nk1,甲词,A.1.1\nk3,丙词,A.2.1\n");
        var text = await Cli.RunAsync(["genai", "banks", "diff", a, b]);
        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains("新增 1 条，删除 1 条，修改 0 条", text.StdOut);
        Assert.Contains("  新增  k3：丙词（A.2.1）", text.StdOut);
        Assert.Contains("  数量  A.1.1 煽动颠覆国家政权、推翻社会主义制度：2 → 1（-1）", text.StdOut);

        var json = await Cli.RunAsync(["genai", "banks", "diff", a, b, "--json"]);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.False(root.GetProperty("same").GetBoolean());
        Assert.Equal("k2", root.GetProperty("removed")[0].GetProperty("id").GetString());
        Assert.Equal(1, root.GetProperty("byRisk").EnumerateArray().Single(r => r.GetProperty("risk").GetString() == "A.2.1")
            .GetProperty("change").GetInt32());

        Assert.Equal(0, (await Cli.RunAsync(["genai", "banks", "diff", a, a])).ExitCode);
        var missing = await Cli.RunAsync(["genai", "banks", "diff", a, files.Path("none.csv")]);
        Assert.Equal(10, missing.ExitCode);
        Assert.Contains("题库文件不存在", missing.StdErr);
    }
}
