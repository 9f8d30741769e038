namespace Suanbei.Core.Filings.Events;

/// <summary>
/// What the public learns about a version that became the public entry: the CAC list's columns except the subject's
/// name (the subject is another aggregate). <paramref name="Products"/> is empty for a technical supporter.
/// </summary>
/// <param name="Remark">The newest 备注 line (a change's note), or null for a first publication.</param>
public sealed record PublicFacts(
    string Number, string Name, FilingRole? Role, AlgorithmType? Type, Guid SubjectId,
    IReadOnlyList<PublicProduct> Products, string? MainPurpose, string? Remark)
{
    public static PublicFacts Of(AlgorithmFiling f) => new(
        f.FilingNumber ?? throw new InvalidOperationException("a public entry has a number"),
        f.Name ?? "", f.Role, f.Type, f.SubjectId,
        f.Role == FilingRole.TechnicalSupporter
            ? []
            : f.LinkedProducts.Select(p => new PublicProduct(p.ProductName, p.ProductForm)).ToList(),
        f.MainPurpose, f.RemarkLines.Count > 0 ? f.RemarkLines[^1] : null);
}
