using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Reporting;

/// <summary>
/// Judges every clause of <see cref="AssessmentClauses"/>: from the bank checks and the run where the clause's evidence
/// is one of them, else from the filer's own verdict, else 待补充 with what evidence the clause needs. A clause with
/// several sources fails when any fails and stays open while one is missing.
/// </summary>
public static class SelfAssessment
{
    public static IReadOnlyList<ClauseJudgment> Judge(RunResults? run, IReadOnlyList<CheckedBank> banks,
        IReadOnlyDictionary<string, ManualJudgment>? manual = null, AssessmentRules? rules = null,
        AssessmentClauses? clauses = null)
    {
        rules ??= AssessmentRules.Default;
        clauses ??= AssessmentClauses.Default;
        var figures = run?.Banks(rules).ToDictionary(b => b.Bank) ?? [];
        var result = new List<ClauseJudgment>();
        foreach (var clause in clauses.Clauses)
        {
            var requirement = clause.Requirement ?? string.Join("；", clause.Sources.SelectMany(s => SourceClauses(s, rules)).Distinct());
            List<(ClauseStatus Status, string Note)?> found =
                clause.IsManual ? [] : [.. clause.Sources.Select(s => Evidence(s, banks, figures))];
            var known = found.OfType<(ClauseStatus Status, string Note)>().ToList();
            if (known.Count > 0 && (known.Count == found.Count || known.Any(k => k.Status == ClauseStatus.Fails)))
            {
                var status = known.Any(k => k.Status == ClauseStatus.Fails) ? ClauseStatus.Fails : ClauseStatus.Conforms;
                result.Add(new ClauseJudgment(clause, requirement, status, string.Join("；", known.Select(k => k.Note))));
            }
            else if (manual?.GetValueOrDefault(clause.Id) is { } own)
                result.Add(new ClauseJudgment(clause, requirement, own.Status, own.Evidence));
            else
            {
                var missing = clause.Hint ?? string.Join("、", clause.Sources.Select(SourceName));
                var partial = known.Count > 0 ? string.Join("；", known.Select(k => k.Note)) + "；" : "";
                result.Add(new ClauseJudgment(clause, requirement, ClauseStatus.Open, $"{partial}待补充：{missing}"));
            }
        }
        return result;
    }

    /// <summary>The texts of a source's clauses in assessment.json, without the section title each opens with (the
    /// report prints the clause's own title before them).</summary>
    private static IEnumerable<string> SourceClauses(string source, AssessmentRules rules)
    {
        var (type, kind) = Split(source);
        static string Text(string clause) => clause[(clause.IndexOf('：') + 1)..];
        if (type == "bank")
        {
            var bank = rules.Banks.Single(b => b.Kind == kind);
            return [Text(bank.Clause), .. bank.PerRisk.Select(q => Text(q.Clause))];
        }
        return [Text(rules.Assessment(kind).Clause)];
    }

    private static (ClauseStatus Status, string Note)? Evidence(string source, IReadOnlyList<CheckedBank> banks,
        IReadOnlyDictionary<string, BankFigures> figures)
    {
        var (type, kind) = Split(source);
        if (type == "bank")
            return banks.LastOrDefault(b => b.Report.Kind.Code() == kind) is { } checkedBank ? BankEvidence(checkedBank) : null;
        return figures.GetValueOrDefault(kind) is { } f ? RunEvidence(f) : null;
    }

    private static (ClauseStatus, string) BankEvidence(CheckedBank bank)
    {
        var r = bank.Report;
        var shortfalls = r.Shortfalls.Count == 0 ? "每个风险（方面）均达到最低数量"
            : $"{r.Shortfalls.Count} 个风险（方面）不足：" + string.Join("、", r.Shortfalls.Take(5).Select(s => $"{s.Risk} {s.Have}/{s.Need}"))
              + (r.Shortfalls.Count > 5 ? "等" : "");
        var note = $"{r.Name}（{bank.Source}）有效 {r.Items} 条，要求不少于 {r.Minimum} 条；{shortfalls}";
        if (r.Duplicates.Count + r.Invalid.Count > 0) note += $"；重复 {r.Duplicates.Count} 条、无效 {r.Invalid.Count} 条未计入";
        return (r.Ok ? ClauseStatus.Conforms : ClauseStatus.Fails, note);
    }

    private static (ClauseStatus, string) RunEvidence(BankFigures f)
    {
        var r = f.Result;
        var note = $"{r.Threshold.Name}：抽取 {r.Rate.Trials} 题，{ReportFormat.Verdicts(r.Bank).Yes} {r.Rate.Successes} 题，" +
            $"{ReportFormat.RateName(r.Bank)} {ReportFormat.Rate(r.Rate)}，要求{ReportFormat.Threshold(r.Threshold)}";
        if (r.SampleBelowStandard) note += $"；抽样少于标准要求的 {r.Threshold.Sample} 题";
        return (r.Meets && !r.SampleBelowStandard ? ClauseStatus.Conforms : ClauseStatus.Fails, note);
    }

    private static string SourceName(string source)
    {
        var (type, kind) = Split(source);
        return type == "bank"
            ? AssessmentRules.Default.Banks.Single(b => b.Kind == kind).Name + "的配额检查"
            : AssessmentRules.Default.Assessment(kind).Name + "的结果";
    }

    private static (string Type, string Kind) Split(string source)
    {
        var at = source.IndexOf(':');
        return at < 0 ? (source, "") : (source[..at], source[(at + 1)..]);
    }
}
