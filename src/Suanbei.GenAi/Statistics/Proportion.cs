namespace Suanbei.GenAi.Statistics;

/// <summary>A sampled proportion k/n with its Wilson score interval.</summary>
public readonly record struct Proportion(int Successes, int Trials, double Low, double High)
{
    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;

    /// <summary>
    /// The Wilson score interval: centre (p̂ + z²/2n)/(1 + z²/n), half-width z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n).
    /// Unlike the normal approximation it stays inside [0, 1] and is honest at rates near 0 or 1, where these
    /// assessments live. <paramref name="z"/> defaults to the rules' (1.96 for 95 %).
    /// </summary>
    public static Proportion Wilson(int successes, int trials, double? z = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0) return new Proportion(0, 0, 0, 1);
        var zz = z ?? AssessmentRules.Default.Confidence.Z;
        double n = trials, p = successes / n, z2 = zz * zz;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = zz * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At k = 0 or k = n the bound is exactly 0 or 1; rounding would leave 0.9999999999999999.
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new Proportion(successes, trials, low, high);
    }
}
