namespace Suanbei.Core.Filings;

/// <summary>One line of an algorithm filing's audit trail (table AlgorithmFilingAudit).</summary>
public sealed class FilingAuditEntry : AuditEntry<FilingAction, FilingStatus>
{
    private FilingAuditEntry() { } // EF
    internal FilingAuditEntry(int sequence, DateTimeOffset at, Actor actor, FilingAction action, FilingStatus from, FilingStatus to,
        string? reason) : base(sequence, at, actor, action, from, to, reason) { }
}
