using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Suanbei.Core;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Reporting;

/// <summary>
/// A run's results for people and programs: an XLSX workbook (a summary sheet — the run, each bank's rate against its
/// threshold, per-risk rates, reviewer agreement — then one sheet per bank with every question, answer and verdict)
/// and the same as JSON. Rates are shares (0.941), not rounded, in both.
/// </summary>
public static class RunResultsExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Xlsx(RunResults run, AssessmentRules? rules = null)
    {
        rules ??= AssessmentRules.Default;
        var banks = run.Banks(rules);
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            List<object?[]> summary =
            [
                ["模型", run.Model], ["接口", run.Endpoint], ["抽样种子", run.Seed],
                ["评估日期", ReportFormat.Date(run.Created)], ["规则版本", rules.Standard + " / " + run.RulesVersion], [],
                ["题库", "抽样题数", "计数", "比率", "95% 区间下限", "95% 区间上限", "要求", "阈值", "结论", "人工判定", "自动判定",
                    "自动判定比率", "条款"],
            ];
            foreach (var b in banks)
            {
                var r = b.Result;
                summary.Add([r.Threshold.Name, r.Rate.Trials, r.Rate.Successes, r.Rate.Rate, r.Rate.Low, r.Rate.High,
                    DisplayNames.Of(r.Threshold.Direction), r.Threshold.Threshold, Conclusion(r.Meets, r.SampleBelowStandard),
                    b.HumanVerdicts, b.AutomaticVerdicts, b.Auto.Rate, r.Threshold.Clause]);
            }
            summary.Add([]);
            summary.Add(["题库", "风险（方面）", "名称", "抽样题数", "计数", "比率", "95% 区间下限", "95% 区间上限", "达到阈值"]);
            foreach (var b in banks)
                foreach (var r in b.Result.ByRisk)
                    summary.Add([b.Result.Threshold.Name, r.Risk, r.Name, r.Rate.Trials, r.Rate.Successes, r.Rate.Rate, r.Rate.Low,
                        r.Rate.High, r.Meets ? "是" : "否"]);
            if (run.Agreements.Count > 0)
            {
                summary.Add([]);
                summary.Add(["题库", "评审人", "评审人", "共同评审条数", "一致条数", "Cohen's κ"]);
                foreach (var a in run.Agreements)
                    summary.Add([rules.Assessments.FirstOrDefault(t => t.Kind == a.Bank)?.Name ?? a.Bank, a.First, a.Second, a.Items,
                        a.Agreed, a.Kappa]);
            }
            AddSheet(wb, sheets, "汇总", summary);
            foreach (var b in banks)
            {
                var (yes, no) = ReportFormat.Verdicts(b.Bank);
                List<object?[]> rows = [["序号", "编号", "风险（方面）", "问题", "回答", "自动判定", "人工判定", "最终判定", "复核记录"]];
                var n = 0;
                foreach (var r in run.Rows.Where(r => r.Bank == b.Bank))
                    rows.Add([++n, r.Key, Codes(r.Risks, rules), r.Question, r.Answer, r.Auto ? yes : no,
                        r.Human is { } h ? (h ? yes : no) : "", r.Final ? yes : no, r.Marks ?? ""]);
                AddSheet(wb, sheets, b.Result.Threshold.Name, rows);
            }
        }
        return ms.ToArray();
    }

    public static byte[] Json(RunResults run, AssessmentRules? rules = null)
    {
        rules ??= AssessmentRules.Default;
        var banks = run.Banks(rules);
        return Utf8JsonWriterExtensions.ToJsonObjectBytes(JsonOptions, w =>
        {
            w.WriteString("model", run.Model);
            w.WriteString("endpoint", run.Endpoint);
            w.WriteNumber("seed", run.Seed);
            w.WriteString("created", run.Created);
            w.WriteString("rulesVersion", run.RulesVersion);
            w.WriteObject("inputHashes", o =>
            {
                foreach (var (k, v) in run.InputHashes.OrderBy(p => p.Key, StringComparer.Ordinal)) o.WriteString(k, v);
            });
            w.WriteObjects("banks", banks, (o, b) =>
            {
                var r = b.Result;
                o.WriteString("bank", r.Bank);
                o.WriteString("name", r.Threshold.Name);
                Figures(o, r.Rate);
                o.WriteNumber("threshold", r.Threshold.Threshold);
                o.WriteString("direction", r.Threshold.Direction == ThresholdDirection.AtLeast ? "atLeast" : "atMost");
                o.WriteBoolean("meets", r.Meets);
                o.WriteBoolean("sampleBelowStandard", r.SampleBelowStandard);
                o.WriteString("clause", r.Threshold.Clause);
                o.WriteNumber("humanVerdicts", b.HumanVerdicts);
                o.WriteNumber("automaticVerdicts", b.AutomaticVerdicts);
                o.WriteObject("automatic", a => Figures(a, b.Auto));
                o.WriteObjects("byRisk", r.ByRisk, (x, risk) =>
                {
                    x.WriteString("risk", risk.Risk);
                    x.WriteString("name", risk.Name);
                    Figures(x, risk.Rate);
                    x.WriteBoolean("meets", risk.Meets);
                });
            });
            w.WriteObjects("agreements", run.Agreements, (o, a) =>
            {
                o.WriteString("bank", a.Bank);
                o.WriteString("first", a.First);
                o.WriteString("second", a.Second);
                o.WriteNumber("items", a.Items);
                o.WriteNumber("agreed", a.Agreed);
                o.WriteNumber("kappa", a.Kappa);
            });
            w.WriteObjects("items", run.Rows, (o, r) =>
            {
                o.WriteString("bank", r.Bank);
                o.WriteString("key", r.Key);
                o.WriteString("risk", string.Join(';', r.Risks));
                o.WriteString("question", r.Question);
                o.WriteString("answer", r.Answer);
                o.WriteBoolean("automatic", r.Auto);
                if (r.Human is { } human) o.WriteBoolean("human", human); else o.WriteNull("human");
                o.WriteBoolean("final", r.Final);
                if (r.Marks is not null) o.WriteString("marks", r.Marks);
            });
        });
    }

    /// <summary>Readable Chinese (not \u escapes) and indented: the file is opened by people as well as programs.</summary>
    private static readonly JsonWriterOptions JsonOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>符合, 不符合, or 样本不足 when the rate meets the threshold on fewer questions than the clause asks.</summary>
    public static string Conclusion(bool meets, bool sampleBelowStandard) =>
        !meets ? "不符合" : sampleBelowStandard ? "样本不足" : "符合";

    private static string Codes(IReadOnlyList<string> codes, AssessmentRules rules) =>
        string.Join("；", codes.Select(c => rules.NameOf(c) is { } name ? $"{c} {name}" : c));

    private static void Figures(Utf8JsonWriter w, Proportion p)
    {
        w.WriteNumber("sampled", p.Trials);
        w.WriteNumber("counted", p.Successes);
        w.WriteNumber("rate", p.Rate);
        w.WriteStartArray("ci95");
        w.WriteNumberValue(p.Low);
        w.WriteNumberValue(p.High);
        w.WriteEndArray();
    }

    private static void AddSheet(WorkbookPart wb, Sheets sheets, string name, IEnumerable<object?[]> rows)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        part.Worksheet = new Worksheet(data);
        sheets.AppendChild(new Sheet { Id = wb.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
        foreach (var values in rows) data.AppendChild(new Row(values.Select(Cell)));
    }

    private static Cell Cell(object? value) => value switch
    {
        int or long or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value?.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }),
        },
    };
}
