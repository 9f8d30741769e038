namespace Suanbei.GenAi;

/// <summary>A bank's kind, Chinese name, total minimum with its clause, and per-code minimums.</summary>
public sealed record BankQuota(string Kind, string Name, int Minimum, string Clause, IReadOnlyList<RiskQuota> PerRisk);
