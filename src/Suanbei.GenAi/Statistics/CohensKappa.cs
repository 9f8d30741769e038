namespace Suanbei.GenAi.Statistics;

/// <summary>Cohen's κ: the agreement of two reviewers on the same items beyond what chance gives.</summary>
public static class CohensKappa
{
    /// <summary>κ = (p_o − p_e)/(1 − p_e) over paired labels of any category type; 1 when both agree on one category
    /// only (p_e = 1).</summary>
    public static double Compute<T>(IReadOnlyList<(T First, T Second)> pairs) where T : notnull
    {
        if (pairs.Count == 0) throw new ArgumentException("κ 需要至少一对评审结果", nameof(pairs));
        double n = pairs.Count;
        var observed = pairs.Count(p => EqualityComparer<T>.Default.Equals(p.First, p.Second)) / n;
        var first = pairs.GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Count() / n);
        var second = pairs.GroupBy(p => p.Second).ToDictionary(g => g.Key, g => g.Count() / n);
        var expected = first.Sum(f => f.Value * second.GetValueOrDefault(f.Key));
        return expected >= 1 ? 1 : (observed - expected) / (1 - expected);
    }
}
