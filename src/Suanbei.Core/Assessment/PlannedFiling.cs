namespace Suanbei.Core.Assessment;

/// <summary>One algorithm filing to make: one per independent algorithm and role.</summary>
public sealed record PlannedFiling(
    string AlgorithmName,
    AlgorithmType Type,
    string TypeName,
    FilingRole Role,
    string RoleName,
    IReadOnlyList<string> Functions,
    IReadOnlyList<Citation> Basis,
    IReadOnlyList<MaterialItem> Materials);
