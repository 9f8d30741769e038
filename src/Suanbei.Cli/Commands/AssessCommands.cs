using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Core.Assessment;

namespace Suanbei.Cli.Commands;

/// <summary><c>suanbei assess ANSWERS.json [--json]</c>: the applicability assessment (备案判断).</summary>
internal static class AssessCommands
{
    private static readonly JsonSerializerOptions PlanJson = new(CliJson.SerializerOptions)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create()
    {
        var file = new Argument<string>("answers") { Description = "答卷 JSON 文件（服务名称、面向对象、功能、大模型使用情况等）" };
        var json = CommonOptions.Json();
        var command = new Command("assess", "备案判断：是否需要备案、角色、备案清单、大模型备案或登记、安全评估、标识义务、材料与期限") { file, json };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            if (ReadAnswers(path, out var answers) is { } error)
            {
                Console.Error.WriteLine($"答卷错误（{path}）：{error}");
                return CommonOptions.UsageOrIoError;
            }
            var plan = ApplicabilityEvaluator.Evaluate(answers!);
            if (parseResult.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(plan, PlanJson));
            else WriteSummary(plan);
            return 0;
        });
        return command;
    }

    private static string? ReadAnswers(string path, out ServiceAnswers? answers)
    {
        answers = null;
        var info = new FileInfo(path);
        if (!info.Exists) return "文件不存在";
        if (info.Length > ServiceAnswers.MaxJsonBytes) return $"文件过大（超过 {ServiceAnswers.MaxJsonBytes / 1024} KB）";
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"无法读取：{e.Message}"; }
        return ServiceAnswers.TryParse(text, out answers);
    }

    private static void WriteSummary(AssessmentPlan plan)
    {
        Console.WriteLine($"服务：{plan.ServiceName}（规则版本 {plan.RulesVersion}）");
        Console.WriteLine($"结论：{(plan.FilingRequired ? "需要算法备案" : "无需算法备案")}");
        foreach (var r in plan.Reasons) Console.WriteLine($"  · {r.Text}〔{r.Article}〕");
        if (plan.Filings.Count > 0)
        {
            Console.WriteLine($"备案清单（{plan.Filings.Count} 项{(plan.DualFiling ? "，双重身份分别备案" : "")}）：");
            foreach (var f in plan.Filings)
            {
                Console.WriteLine($"  {f.AlgorithmName} — {f.TypeName} — {f.RoleName}（功能：{string.Join("、", f.Functions)}）");
                foreach (var m in f.Materials) Console.WriteLine($"      材料：{m.Name}");
            }
        }
        Console.WriteLine($"大模型：{plan.LargeModel.KindName} — {plan.LargeModel.Basis.Text}〔{plan.LargeModel.Basis.Article}〕");
        foreach (var a in plan.SecurityAssessments) Console.WriteLine($"安全评估：{a.Text}〔{a.Article}〕");
        foreach (var l in plan.Labeling) Console.WriteLine($"标识（{l.ContentTypeName}）：显式 {l.Explicit}；隐式 {l.Implicit}〔{l.Article}〕");
        if (plan.BiometricLabeling is { } bio) Console.WriteLine($"标识（生物识别）：{bio.Text}〔{bio.Article}〕");
        foreach (var d in plan.Deadlines)
        {
            var due = d.DueDate is { } date ? $"，截止 {date:yyyy-MM-dd}" : "";
            Console.WriteLine($"期限：{d.Name} {d.WorkingDays}个工作日{due}{(d.Note is null ? "" : $"（{d.Note}）")}〔{d.Article}〕");
        }
        foreach (var p in plan.Prerequisites) Console.WriteLine($"前提：{p.Text}〔{p.Article}〕");
        foreach (var m in plan.SubjectMaterials) Console.WriteLine($"主体材料：{m.Name}");
    }
}
