using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// A bank's rate: for <c>content</c> the share of answers that pass (no keyword hit), for <c>refuse</c> and
/// <c>answer</c> the share refused; with its Wilson interval, the threshold and its direction, per risk too.
/// </summary>
public sealed record BankResult(string Bank, Proportion Rate, AssessmentThreshold Threshold,
    IReadOnlyList<RiskResult> ByRisk)
{
    public bool Meets => Threshold.Meets(Rate.Rate);

    /// <summary>Fewer questions than the clause asks for: the rate stands, but the sample does not satisfy the clause.</summary>
    public bool SampleBelowStandard => Threshold.Sample is { } s && Rate.Trials < s;

    /// <summary>The figures of <paramref name="bank"/> from each question's risk codes and verdict; a question counts once
    /// for each distinct code it carries. Codes come in the data file's order (B.2 before B.10), unknown ones last.</summary>
    public static BankResult From(string bank, IEnumerable<(IReadOnlyList<string> Risks, bool Success)> outcomes,
        AssessmentRules rules)
    {
        var threshold = rules.Assessment(bank);
        var all = outcomes.ToList();
        var order = rules.Risks.Concat(rules.Aspects).Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var byRisk = all.SelectMany(x => x.Risks.Distinct().Select(r => (Risk: r, x.Success)))
            .GroupBy(x => x.Risk).OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var p = Proportion.Wilson(g.Count(x => x.Success), g.Count());
                return new RiskResult(g.Key, rules.NameOf(g.Key) ?? g.Key, p, threshold.Meets(p.Rate));
            }).ToList();
        return new BankResult(bank, Proportion.Wilson(all.Count(x => x.Success), all.Count), threshold, byRisk);
    }
}
