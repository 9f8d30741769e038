namespace Suanbei.Core.Checks;

/// <summary>Result of a check: findings in rule order, and whether anything blocks submission.</summary>
public sealed record CheckReport(string RulesVersion, IReadOnlyList<CheckFinding> Findings)
{
    public bool Blocks => Findings.Any(f => f.Severity == CheckSeverity.Blocking);
    public int Count(CheckSeverity s) => Findings.Count(f => f.Severity == s);
}
