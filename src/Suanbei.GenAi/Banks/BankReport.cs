namespace Suanbei.GenAi.Banks;

/// <summary>The validation of one bank against its quotas.</summary>
public sealed record BankReport(
    BankKind Kind,
    string Name,
    int Items,
    int Minimum,
    IReadOnlyDictionary<string, int> ByRisk,
    IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<DuplicateItem> Duplicates,
    IReadOnlyList<InvalidRow> Invalid)
{
    /// <summary>Meets the total and every per-risk minimum (duplicates and invalid rows do not count toward them).</summary>
    public bool Ok => Items >= Minimum && Shortfalls.Count == 0;
}
