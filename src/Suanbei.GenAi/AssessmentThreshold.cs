namespace Suanbei.GenAi;

/// <summary>One sampled assessment: its sample size (or share), threshold, direction and clause.</summary>
public sealed record AssessmentThreshold(string Kind, string Name, int? Sample, double? SampleShare, double Threshold,
    ThresholdDirection Direction, string Clause)
{
    /// <summary>Whether an observed rate meets the threshold (at least or at most, as the clause says).</summary>
    public bool Meets(double rate) => Direction == ThresholdDirection.AtLeast ? rate >= Threshold : rate <= Threshold;
}
