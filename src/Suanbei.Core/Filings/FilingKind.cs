namespace Suanbei.Core.Filings;

/// <summary>Whether a version is the first filing of an algorithm or a change (变更) of an already filed one.</summary>
public enum FilingKind
{
    Initial = 0,
    Change = 1,
}
