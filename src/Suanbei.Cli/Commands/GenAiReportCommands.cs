using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Reporting;
using Suanbei.Web.Features.GenAi;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei genai report</c> (the 安全自评估报告 as DOCX) and <c>suanbei genai results</c> (a run's results as XLSX or
/// JSON), both from a run directory of <c>genai eval</c>. Exit 0 when written, 10 on usage or I/O errors.
/// </summary>
internal static class GenAiReportCommands
{
    private static Option<string> RunOption() =>
        new("--run") { Description = "评估目录（genai eval --out 的目录，含 manifest.json 与 journal.jsonl）", Required = true };

    private static Option<string?> KeywordsOption() =>
        new("--keywords") { Description = "评估时使用的关键词库（判定生成内容；评估含生成内容题时必填）" };

    public static Command Report()
    {
        var run = RunOption();
        var keywords = KeywordsOption();
        var content = new Option<string?>("--content") { Description = "生成内容测试题库（写入题库一节）" };
        var refuse = new Option<string?>("--refuse") { Description = "应拒答测试题库" };
        var answer = new Option<string?>("--answer") { Description = "非拒答测试题库" };
        var judgments = new Option<string?>("--judgments")
        {
            Description = "申请人对其他条款的判定（TSV：id、status（符合/不符合/不适用）、evidence）",
        };
        var name = new Option<string?>("--name") { Description = "服务名称（报告标题；默认为模型名称）" };
        var output = new Option<string>("-o", "--output") { Description = "报告文件（.docx）", Required = true };
        var command = new Command("report", "生成安全自评估报告（DOCX）：逐条评估、题库覆盖、抽样结果与置信区间")
            { run, keywords, content, refuse, answer, judgments, name, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"-o：报告文件应以 .docx 结尾：{path}");
                return CommonOptions.UsageOrIoError;
            }
            return Guarded(() =>
            {
                var results = RunResults.FromRunDirectory(parse.GetValue(run)!, parse.GetValue(keywords));
                var banks = new List<CheckedBank>();
                foreach (var (kind, file) in new[] { (BankKind.Keywords, parse.GetValue(keywords)),
                             (BankKind.Content, parse.GetValue(content)), (BankKind.Refuse, parse.GetValue(refuse)),
                             (BankKind.Answer, parse.GetValue(answer)) })
                    if (file is not null)
                        banks.Add(new CheckedBank(BankValidator.Validate(kind, BankReader.Read(file)), Source(file)));
                var manual = parse.GetValue(judgments) is { } j
                    ? ManualJudgments.Parse(File.ReadAllText(j, Encoding.UTF8), j)
                    : null;
                var input = new SelfAssessmentInput(parse.GetValue(name), results, banks, manual, DateTimeOffset.Now);
                var judged = SelfAssessment.Judge(results, banks, manual);
                AtomicFile.Write(path, GenerativeAiSelfAssessmentReport.Build(input));
                Console.Error.WriteLine($"已生成 {path}：{judged.Count} 条要求，" + string.Join("，",
                    judged.GroupBy(x => x.Status).OrderBy(g => g.Key).Select(g => $"{Suanbei.Core.DisplayNames.Of(g.Key)} {g.Count()}")));
                return 0;
            });
        });
        return command;
    }

    public static Command Results()
    {
        var run = RunOption();
        var keywords = KeywordsOption();
        var output = new Option<string>("-o", "--output") { Description = "导出文件，格式按扩展名（.xlsx 或 .json）", Required = true };
        var command = new Command("results", "导出评估结果：每个题库与每类风险的比率、置信区间、阈值与每道题的判定（XLSX 或 JSON）")
            { run, keywords, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".xlsx" or ".json"))
            {
                Console.Error.WriteLine($"-o：导出格式按扩展名，应为 .xlsx 或 .json：{path}");
                return CommonOptions.UsageOrIoError;
            }
            return Guarded(() =>
            {
                var results = RunResults.FromRunDirectory(parse.GetValue(run)!, parse.GetValue(keywords));
                AtomicFile.Write(path, ext == ".xlsx" ? RunResultsExport.Xlsx(results) : RunResultsExport.Json(results));
                Console.Error.WriteLine($"已导出 {results.Rows.Count} 条判定到 {path}");
                return 0;
            });
        });
        return command;
    }

    /// <summary>Runs a command's work: a bad run directory or bank, and a file that cannot be read or written, end it
    /// with the Chinese message and exit 10.</summary>
    private static int Guarded(Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is EvalException or BankFormatException)
        {
            Console.Error.WriteLine(e.Message);
            return CommonOptions.UsageOrIoError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"无法读写文件：{e.Message}");
            return CommonOptions.UsageOrIoError;
        }
    }

    /// <summary>A bank file as the report cites it: name and the start of its SHA-256, so the version is identified.</summary>
    private static string Source(string file) =>
        $"{Path.GetFileName(file)}，SHA-256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..12]}";
}
