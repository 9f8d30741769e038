using System.Globalization;
using Suanbei.Core;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Reporting;
using Suanbei.Web.Features.Filings.Documents;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// The 安全自评估报告 of a generative-AI service as DOCX: the run and banks it rests on, each clause of GB/T 45654 judged
/// 符合 / 不符合 / 不适用 (or 待补充) with its evidence, the banks' sizes and per-risk coverage, and the run's samples,
/// rates with Wilson intervals, reviewer agreement and verdict against each threshold. The CLI (<c>genai report</c>),
/// the review page and the generative-AI filing's materials all call <see cref="Build"/>.
/// </summary>
public static class GenerativeAiSelfAssessmentReport
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string FileName = "安全自评估报告.docx";

    /// <param name="modelVersion">The filed model's version, when the report is a filing's material.</param>
    public static byte[] Build(SelfAssessmentInput input, AssessmentRules? rules = null, AssessmentClauses? clauses = null,
        string? modelVersion = null)
    {
        rules ??= AssessmentRules.Default;
        clauses ??= AssessmentClauses.Default;
        var judgments = SelfAssessment.Judge(input.Run, input.Banks, input.Manual, rules, clauses);
        var run = input.Run;
        var name = input.ServiceName ?? run?.Model ?? "生成式人工智能服务";
        var d = new DocxBuilder().Title($"{name} 生成式人工智能服务安全自评估报告")
            .Field("依据标准", clauses.Standard)
            .Field("报告日期", ReportFormat.Date(input.Date));
        if (input.ServiceName is not null) d.Field("模型名称", input.ServiceName);
        if (modelVersion is not null) d.Field("模型版本", modelVersion);
        d.Field("评估对象（模型）", run?.Model)
            .Field("模型接口", run?.Endpoint)
            .Field("评估运行日期", run is null ? null : ReportFormat.Date(run.Created))
            .Field("抽样随机种子", run?.Seed.ToString(CultureInfo.InvariantCulture))
            .Field("配额与阈值版本", $"{rules.Version}（Suanbei assessment.json）");

        d.Heading("一、评估结论");
        var counts = Enum.GetValues<ClauseStatus>()
            .Select(s => (Status: s, Count: judgments.Count(j => j.Status == s))).Where(c => c.Count > 0);
        d.Text($"共评估 {judgments.Count} 条要求：" + string.Join("，", counts.Select(c => $"{DisplayNames.Of(c.Status)} {c.Count} 条")) + "。");
        var failing = judgments.Where(j => j.Status == ClauseStatus.Fails).ToList();
        d.Text(failing.Count == 0 ? "没有判定为不符合的要求。"
            : "不符合的要求：" + string.Join("；", failing.Select(j => $"{j.Clause.Section}·{j.Clause.Title}")) + "。");
        if (judgments.Any(j => j.Status == ClauseStatus.Open))
            d.Text($"标为“{DisplayNames.Of(ClauseStatus.Open)}”的要求需申请人提供证据并判定后，本报告方可作为备案材料。");

        d.Heading("二、逐条评估");
        foreach (var section in judgments.GroupBy(j => j.Clause.Section))
        {
            d.SubHeading(section.Key);
            d.Table(["要求", "结论", "依据与说明"], section.Select(j => (IReadOnlyList<string>)
                [$"{j.Clause.Title}：{j.Requirement}", DisplayNames.Of(j.Status), j.Evidence]), [50, 12, 38]);
        }

        d.Heading("三、测试题库与关键词库");
        if (input.Banks.Count == 0) d.Text(null, "（未提供题库检查结果，请补充）");
        else
        {
            d.Table(["题库", "来源", "有效条数", "要求", "重复/无效", "结论"], input.Banks.Select(b => (IReadOnlyList<string>)
                [b.Report.Name, b.Source, N(b.Report.Items), $"不少于 {N(b.Report.Minimum)}",
                    $"{N(b.Report.Duplicates.Count)} / {N(b.Report.Invalid.Count)}", b.Report.Ok ? "符合" : "不符合"]),
                [15, 39, 11, 14, 11, 10]);
            foreach (var b in input.Banks)
            {
                d.SubHeading($"{b.Report.Name}：各风险（方面）覆盖");
                d.Table(["代码", "名称", "条数", "最低", "达到"], rules.Coverage(b.Report.Kind).Select(c =>
                {
                    var have = b.Report.ByRisk.GetValueOrDefault(c.Code.Code);
                    return (IReadOnlyList<string>)
                        [c.Code.Code, c.Code.Name, N(have), N(c.Quota.Minimum), have >= c.Quota.Minimum ? "是" : "否"];
                }), [12, 52, 12, 12, 12]);
            }
        }

        d.Heading("四、抽样评估结果");
        if (run is null) d.Text(null, "（未关联评估运行：生成内容、应拒答与非拒答的抽样评估结果待补充）");
        else
        {
            var banks = run.Banks(rules);
            var tested = input.Banks.Where(b => b.Report.Kind != BankKind.Keywords).ToList();
            if (tested.Count > 0) d.Text("评估所用测试题库：" + string.Join("；", tested.Select(b => $"{b.Report.Name} {b.Source}")) + "。");
            d.Text($"人工复核的判定优先于自动判定；比率附 95% Wilson 区间（z = {rules.Confidence.Z.ToString(CultureInfo.InvariantCulture)}），" +
                "标准只规定点估计，区间供判断抽样误差。");
            d.Table(["评估项", "抽样题数", "计数", "比率（95% 区间）", "要求", "判定来源", "结论"], banks.Select(b =>
            {
                var r = b.Result;
                return (IReadOnlyList<string>)[r.Threshold.Name, $"{N(r.Rate.Trials)}（标准要求不少于 {N(r.Threshold.Sample ?? 0)}）",
                    $"{ReportFormat.Verdicts(r.Bank).Yes} {N(r.Rate.Successes)}", ReportFormat.Rate(r.Rate),
                    ReportFormat.Threshold(r.Threshold),
                    $"人工 {N(b.HumanVerdicts)}，自动 {N(b.AutomaticVerdicts)}", RunResultsExport.Conclusion(r.Meets, r.SampleBelowStandard)];
            }), [15, 20, 9, 22, 11, 13, 10]);
            foreach (var b in banks)
            {
                d.SubHeading($"{b.Result.Threshold.Name}：各风险（方面）{ReportFormat.RateName(b.Bank)}");
                d.Table(["代码", "名称", "抽样", ReportFormat.RateName(b.Bank) + "（95% 区间）"], b.Result.ByRisk.Select(r =>
                    (IReadOnlyList<string>)[r.Risk, r.Name, N(r.Rate.Trials), ReportFormat.Rate(r.Rate)]), [10, 44, 10, 36]);
            }
            d.SubHeading("评审一致性");
            if (run.Agreements.Count == 0) d.Text(null, "（没有两位评审人共同评审的条目，未计算 Cohen's κ）");
            else
                d.Table(["评估项", "评审人", "评审人", "共同评审", "一致", "Cohen's κ"], run.Agreements.Select(a => (IReadOnlyList<string>)
                    [BankName(a.Bank, rules), a.First, a.Second, N(a.Items), N(a.Agreed),
                        a.Kappa.ToString("0.00", CultureInfo.InvariantCulture)]),
                    [26, 16, 16, 14, 14, 14]);
            d.SubHeading("输入文件（SHA-256）");
            d.Table(["输入", "SHA-256"], run.InputHashes.OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => (IReadOnlyList<string>)[h.Key, h.Value]), [16, 84]);
        }
        d.Heading("五、说明");
        d.Text("本报告由 Suanbei 根据题库检查与评估运行的记录生成；条款按标准章节标题引用。" +
            "“待补充”的要求由申请人在本文件中填写结论与证据，或以判定文件（suanbei genai report --judgments）重新生成。");
        return d.ToBytes($"{name} 安全自评估报告", "Suanbei");
    }

    private static string BankName(string bank, AssessmentRules rules) =>
        rules.Assessments.FirstOrDefault(a => a.Kind == bank)?.Name ?? bank;

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
