namespace Suanbei.Core.Checks;

/// <summary>One finding: which rule, how bad, which field, what to fix (Chinese), where the rule comes from.</summary>
public sealed record CheckFinding(string RuleId, CheckSeverity Severity, string SeverityName, string Field, string Message, string Source);
