namespace Suanbei.Core.Filings;

/// <summary>
/// The public entry (公示信息) in the CAC list's columns. Built from the version that is currently public.
/// </summary>
public sealed record PublicEntry(
    string Name, string Role, string TypeName, string SubjectName, string Products, string MainPurpose,
    string Number, IReadOnlyList<string> Remarks, bool Cancelled,
    string Principle, string Mechanism, string Scenarios, string Purpose)
{
    public static PublicEntry From(AlgorithmFiling f, string subjectName)
    {
        if (!f.IsPublic || f.FilingNumber is null) throw new DomainException("该算法备案尚未公示。");
        var products = f.Role == FilingRole.TechnicalSupporter || f.LinkedProducts.Count == 0
            ? "--"
            : string.Join("、", f.LinkedProducts.Select(p => p.Display));
        return new PublicEntry(
            f.Name ?? "", f.Role is { } r ? DisplayNames.Of(r) : "", f.Type is { } t ? DisplayNames.Of(t) : "",
            subjectName, products, f.MainPurpose ?? "", f.FilingNumber, f.RemarkLines, f.Status == FilingStatus.Cancelled,
            f.DisclosurePrinciple ?? "", f.DisclosureMechanism ?? "", f.DisclosureScenarios ?? "", f.DisclosurePurpose ?? "");
    }
}
