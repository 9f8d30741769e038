namespace Suanbei.GenAi;

/// <summary>The minimum per code for every code under a prefix (A.1, B …), with its clause.</summary>
public sealed record RiskQuota(string Prefix, int Minimum, string Clause);
