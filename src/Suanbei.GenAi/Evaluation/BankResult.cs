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
}
