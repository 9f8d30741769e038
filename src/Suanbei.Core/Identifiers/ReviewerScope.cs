namespace Suanbei.Core.Identifiers;

/// <summary>
/// Reviewers scoped to provinces, for the levels of the regime that are provincial (the generative-AI filing is first
/// checked by the provincial cyberspace office where the provider is registered). A reviewer with no province is not
/// scoped (reviews nationwide); otherwise only the listed provinces.
/// </summary>
public static class ReviewerScope
{
    /// <summary>Whether a reviewer with these province codes (GB/T 2260, two digits) may review a filing of
    /// <paramref name="province"/> (any form <see cref="Regions.Resolve"/> reads; unknown → no, when scoped).</summary>
    public static bool MayReview(IReadOnlyCollection<string> reviewerProvinces, string? province)
    {
        if (reviewerProvinces.Count == 0) return true;
        return Regions.Resolve(province) is { } p && reviewerProvinces.Contains(p.Code);
    }
}
