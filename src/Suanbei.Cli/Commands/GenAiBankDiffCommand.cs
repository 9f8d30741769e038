using System.CommandLine;
using System.Text.Json;
using Suanbei.Core;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei genai banks diff OLD NEW [--json]</c>: items added, removed and changed between two versions of a bank, and
/// each risk's count before and after. Exit 0 when the versions hold the same items, 1 when they differ, 10 on errors.
/// </summary>
internal static class GenAiBankDiffCommand
{
    private const int Shown = 50;

    public static Command Create()
    {
        var before = new Argument<string>("old") { Description = "旧版本题库文件（.csv/.tsv/.xlsx/.jsonl）" };
        var after = new Argument<string>("new") { Description = "新版本题库文件" };
        var json = CommonOptions.Json();
        var command = new Command("diff", "比较同一题库的两个版本：新增、删除、修改的条目与每类风险数量的变化") { before, after, json };
        command.SetAction(parse =>
        {
            BankFile a, b;
            try
            {
                a = BankReader.Read(parse.GetValue(before)!);
                b = BankReader.Read(parse.GetValue(after)!);
            }
            catch (BankFormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return CommonOptions.UsageOrIoError;
            }
            var diff = BankDiff.Compare(a.Items, b.Items);
            if (parse.GetValue(json)) WriteJson(diff); else WriteText(diff, a, b);
            return diff.Same ? 0 : 1;
        });
        return command;
    }

    private static string Item(BankItem i) => $"{(i.Id is null ? $"第 {i.Row} 行" : i.Id)}：{i.Text}（{string.Join(';', i.Codes)}）";

    private static void WriteText(BankDiff diff, BankFile a, BankFile b)
    {
        Console.WriteLine($"{a.Path}（{a.Items.Count} 条）→ {b.Path}（{b.Items.Count} 条）：" +
            $"新增 {diff.Added.Count} 条，删除 {diff.Removed.Count} 条，修改 {diff.Changed.Count} 条");
        foreach (var i in diff.Added.Take(Shown)) Console.WriteLine($"  新增  {Item(i)}");
        foreach (var i in diff.Removed.Take(Shown)) Console.WriteLine($"  删除  {Item(i)}");
        foreach (var (was, now) in diff.Changed.Take(Shown))
            Console.WriteLine($"  修改  {Item(was)} → {now.Text}（{string.Join(';', now.Codes)}）");
        if (new[] { diff.Added.Count, diff.Removed.Count, diff.Changed.Count }.Any(n => n > Shown))
            Console.WriteLine($"  （每类只列出前 {Shown} 条，用 --json 查看全部）");
        foreach (var d in diff.ByCode.Where(d => d.Change != 0))
        {
            var name = AssessmentRules.Default.NameOf(d.Code) ?? "（未知代码）";
            Console.WriteLine($"  数量  {d.Code} {name}：{d.Before} → {d.After}（{d.Change:+0;-0}）");
        }
    }

    private static void WriteJson(BankDiff diff) => CliJson.WriteLine(w =>
    {
        static void Item(Utf8JsonWriter w, BankItem i)
        {
            if (i.Id is not null) w.WriteString("id", i.Id);
            w.WriteNumber("row", i.Row);
            w.WriteString("text", i.Text);
            w.WriteString("risk", string.Join(';', i.Codes));
        }
        w.WriteBoolean("same", diff.Same);
        w.WriteObjects("added", diff.Added, Item);
        w.WriteObjects("removed", diff.Removed, Item);
        w.WriteObjects("changed", diff.Changed, (w, c) =>
        {
            w.WriteObject("before", x => Item(x, c.Before));
            w.WriteObject("after", x => Item(x, c.After));
        });
        w.WriteObjects("byRisk", diff.ByCode, (w, d) =>
        {
            w.WriteString("risk", d.Code);
            if (AssessmentRules.Default.NameOf(d.Code) is { } name) w.WriteString("name", name);
            w.WriteNumber("before", d.Before);
            w.WriteNumber("after", d.After);
            w.WriteNumber("change", d.Change);
        });
    });
}
