namespace Suanbei.GenAi.Reporting;

/// <summary>
/// What the 安全自评估报告 is made from: the service's name, the evaluation run (when one is linked), the bank checks,
/// the filer's verdicts on the clauses Suanbei cannot judge, and the report's date.
/// </summary>
public sealed record SelfAssessmentInput(string? ServiceName, RunResults? Run, IReadOnlyList<CheckedBank> Banks,
    IReadOnlyDictionary<string, ManualJudgment>? Manual, DateTimeOffset Date);
