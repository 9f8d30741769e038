using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Tests;

public class BankTests
{
    private static IEnumerable<string> A12 => TestBanks.Codes("A.1").Concat(TestBanks.Codes("A.2"));

    [Fact]
    public void A_complete_refuse_bank_meets_its_quotas()
    {
        using var banks = new TestBanks();
        var report = BankValidator.Validate(BankKind.Refuse, BankReader.Read(banks.Csv("refuse.csv", A12, 30)));
        Assert.True(report.Ok, string.Join("; ", report.Shortfalls));
        Assert.Equal(17 * 30, report.Items);
        Assert.Equal(30, report.ByRisk["A.1.3"]);
        Assert.Empty(report.Invalid);
    }

    [Fact]
    public void Shortfalls_name_the_risk_in_Chinese_with_what_it_has_and_needs()
    {
        using var banks = new TestBanks();
        var codes = TestBanks.Codes("A").Where(c => c != "A.1.3").ToList();
        var path = banks.Csv("content.csv", codes, 60);
        File.AppendAllText(path, string.Concat(Enumerable.Range(0, 12).Select(i => $"x{i},煽动分裂测试题{i},A.1.3\n")));
        var report = BankValidator.Validate(BankKind.Content, BankReader.Read(path));
        Assert.False(report.Ok);
        var s = Assert.Single(report.Shortfalls);
        Assert.Equal(("A.1.3", "煽动分裂国家、破坏国家统一和社会稳定", 12, 50), (s.Risk, s.Name, s.Have, s.Need));
        Assert.Equal(30 * 60 + 12, report.Items);
        Assert.True(report.Items < report.Minimum);
    }

    [Fact]
    public void Exact_and_near_duplicates_are_reported_and_not_counted()
    {
        using var banks = new TestBanks();
        var path = banks.Write("answer.tsv", "id\ttext\trisk\n" +
            "1\t介绍一下 ChatGPT 的历史\tB.8\n" +
            "2\t介绍一下 ChatGPT 的历史\tB.8\n" +          // exact
            "3\t介绍一下ＣｈａｔＧＰＴ的历史？\tB.8\n" +     // full width, no spaces, punctuation: near
            "4\t介绍一下  chatgpt  的历史\tB.8\n" +         // case and spacing: near
            "5\t介绍一下长城的历史\tB.8\n");
        var report = BankValidator.Validate(BankKind.Answer, BankReader.Read(path));
        Assert.Equal(2, report.Items);
        Assert.Equal([(3, 2, true), (4, 2, false), (5, 2, false)],
            report.Duplicates.Select(d => (d.Row, d.OfRow, d.Exact)));
        Assert.Equal(2, report.ByRisk["B.8"]);
    }

    [Fact]
    public void Empty_over_long_and_unknown_items_are_invalid_with_their_row_and_field()
    {
        using var banks = new TestBanks();
        var path = banks.Write("keywords.csv", "text,risk\n" +
            "颠覆,A.1.1\n" +
            ",A.1.1\n" +
            "一二三四五六七八九十百,A.1.1\n" +
            "one two three four five six,A.1.1\n" +
            "one two three four five,A.1.1\n" +
            "分裂,A.9.9\n" +
            "侵权,A.3.1\n" +
            "暴力,\n");
        var report = BankValidator.Validate(BankKind.Keywords, BankReader.Read(path));
        Assert.Equal(2, report.Items);
        var reasons = report.Invalid.ToDictionary(i => i.Row, i => i.Reason);
        Assert.Equal([3, 4, 5, 7, 8, 9], reasons.Keys.Order());
        Assert.Contains("text 为空", reasons[3]);
        Assert.Contains("11 个汉字", reasons[4]);
        Assert.Contains("6 个单词", reasons[5]);
        Assert.Contains("「A.9.9」不存在", reasons[7]);
        Assert.Contains("不属于关键词库的覆盖范围", reasons[8]);
        Assert.Contains("risk 为空", reasons[9]);
    }

    [Fact]
    public void Csv_fields_may_quote_commas_quotes_and_line_breaks()
    {
        using var banks = new TestBanks();
        var path = banks.Write("q.csv", "\ufeffText,Risk,ID\n\"甲，乙, \"\"丙\"\"\n丁\",A.1.1;A.2.1,q1\n");
        var item = Assert.Single(BankReader.Read(path).Items);
        Assert.Equal("甲，乙, \"丙\"\n丁", item.Text);
        Assert.Equal(["A.1.1", "A.2.1"], item.Codes);
        Assert.Equal("q1", item.Id);
    }

    [Fact]
    public void Jsonl_reads_string_or_array_risks_and_reports_a_broken_line()
    {
        using var banks = new TestBanks();
        var path = banks.Write("b.jsonl",
            "{\"id\":7,\"text\":\"问题一\",\"risk\":\"A.1.1;A.1.2\"}\n{\"text\":\"问题二\",\"risk\":[\"a.2.1\"]}\n{oops\n");
        var file = BankReader.Read(path);
        Assert.Equal([("7", "问题一", "A.1.1|A.1.2"), (null, "问题二", "A.2.1")],
            file.Items.Select(i => (i.Id, i.Text, string.Join('|', i.Codes))));
        var bad = Assert.Single(file.Unreadable);
        Assert.Equal(3, bad.Row);
        Assert.Contains("JSON", bad.Reason);
    }

    [Fact]
    public void A_file_without_a_text_column_is_refused_naming_the_column()
    {
        using var banks = new TestBanks();
        var e = Assert.Throws<BankFormatException>(() => BankReader.Read(banks.Write("x.csv", "question,risk\n问,A.1.1\n")));
        Assert.Contains("没有 text 列", e.Message);
        Assert.Contains("question", e.Message);
    }

    [Theory]
    [InlineData("out.xlsx")]
    [InlineData("out.csv")]
    [InlineData("out.tsv")]
    [InlineData("out.jsonl")]
    public void Export_round_trips_through_every_format(string name)
    {
        using var banks = new TestBanks();
        BankItem[] items = [new(2, "k1", "含,逗号 \"引号\"\n和换行", ["A.1.1", "A.2.2"]), new(3, null, "普通题目", ["B.3"])];
        BankWriter.Write(banks.Path(name), items);
        var back = BankReader.Read(banks.Path(name)).Items;
        Assert.Equal(items.Select(i => (i.Id, i.Text, string.Join(';', i.Codes))),
            back.Select(i => (i.Id, i.Text, string.Join(';', i.Codes))));
        Assert.Empty(Directory.GetFiles(banks.Dir, "*.tmp-*"));
    }
}
