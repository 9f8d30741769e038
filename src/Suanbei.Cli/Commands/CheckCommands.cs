using System.CommandLine;
using System.Text.Json;
using Suanbei.Core.Checks;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei check FILING.json [--json] [--date YYYY-MM-DD] [--against OTHER.json …]</c>: the pre-submission check
/// (备案预审). Exit 1 if a finding blocks submission, 0 otherwise, 10 on usage or I/O errors.
/// </summary>
internal static class CheckCommands
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static Command Create()
    {
        var file =
            new Argument<string>("filing") { Description = "备案快照 JSON 文件（FilingSnapshot 结构，示例见 docs/examples/filing-snapshot.json）" };
        var json = CommonOptions.Json();
        var date = new Option<string?>("--date") { Description = "检查日期（YYYY-MM-DD，用于判断 ICP 证是否过期），默认北京时间今天" };
        var against = new Option<string[]>("--against")
        {
            Description = "其他备案快照 JSON 文件，用于检测照抄他人备案内容（可多次指定）",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("check", "备案预审：按规则库检查备案草稿，列出阻断/警告/提示项、字段、修改建议和规则出处") { file, json, date, against };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            if (Read(path, out var snapshot) is { } error)
            {
                Console.Error.WriteLine($"备案快照错误（{path}）：{error}");
                return CommonOptions.UsageOrIoError;
            }
            var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Beijing).DateTime);
            if (parseResult.GetValue(date) is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", out today))
            {
                Console.Error.WriteLine($"--date 格式不正确：「{d}」，应为 YYYY-MM-DD");
                return CommonOptions.UsageOrIoError;
            }
            var others = new List<KnownText>();
            foreach (var other in parseResult.GetValue(against) ?? [])
            {
                if (Read(other, out var o) is { } e)
                {
                    Console.Error.WriteLine($"对照备案快照错误（{other}）：{e}");
                    return CommonOptions.UsageOrIoError;
                }
                var source = o!.Filing.Name is { Length: > 0 } n ? $"{n}（{Path.GetFileName(other)}）" : Path.GetFileName(other);
                others.AddRange(PresubmissionCheck.NarrativeFields(o.Filing)
                    .Where(x => !string.IsNullOrWhiteSpace(x.Text)).Select(x => new KnownText($"{source}·{x.Label}", x.Text!)));
            }
            var report = PresubmissionCheck.Evaluate(snapshot!, today, others);
            if (parseResult.GetValue(json)) WriteJson(report, snapshot!);
            else WriteText(report, snapshot!);
            return report.Blocks ? 1 : 0;
        });
        return command;
    }

    private static string? Read(string path, out FilingSnapshot? snapshot)
    {
        snapshot = null;
        var info = new FileInfo(path);
        if (!info.Exists) return "文件不存在";
        if (info.Length > FilingSnapshot.MaxJsonBytes) return $"文件过大（超过 {FilingSnapshot.MaxJsonBytes / 1024 / 1024} MB）";
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"无法读取：{e.Message}"; }
        return FilingSnapshot.TryParse(text, out snapshot);
    }

    // The API's serializer, so both write the same bytes for the same snapshot.
    private static void WriteJson(CheckReport report, FilingSnapshot snapshot) =>
        Console.Out.WriteLine(CheckReportJson.Serialize(CheckReportDocument.From(report, snapshot)));

    private static void WriteText(CheckReport report, FilingSnapshot snapshot)
    {
        Console.WriteLine($"备案预审（规则版本 {report.RulesVersion}）：阻断 {report.Count(CheckSeverity.Blocking)} 项，"
            + $"警告 {report.Count(CheckSeverity.Warning)} 项，提示 {report.Count(CheckSeverity.Hint)} 项");
        foreach (var f in report.Findings)
        {
            Console.WriteLine($"[{f.SeverityName}] {CheckFieldLabels.Label(f.Field, snapshot)}（{f.Field}，{f.RuleId}）");
            Console.WriteLine($"    {f.Message}");
            Console.WriteLine($"    依据：{f.Source}");
        }
        Console.WriteLine(report.Blocks ? "结论：存在阻断项，请修改后再提交。" : "结论：未发现阻断项，可以提交。");
    }
}
