namespace Suanbei.Core.Filings;

/// <summary>
/// One line of an append-only audit trail: who acted (and, through <see cref="Actor"/>, for which owner), when, which
/// action, from which status to which, and why. No setter is reachable after creation.
/// A base type rather than one shared class: EF maps one CLR type to one table, and each filing kind keeps its trail in
/// its own table with its own status and action enums, so each aggregate names a sealed entry type over these columns.
/// </summary>
public abstract class AuditEntry<TAction, TStatus> : IAppendOnly
    where TAction : struct, Enum
    where TStatus : struct, Enum
{
    protected AuditEntry() { } // EF

    protected AuditEntry(int sequence, DateTimeOffset at, Actor actor, TAction action, TStatus from, TStatus to, string? reason)
    {
        Id = Guid.NewGuid();
        Sequence = sequence;
        At = at;
        ActorUserId = actor.UserId;
        ActorName = actor.DisplayName;
        ActorRole = actor.Role;
        Action = action;
        From = from;
        To = to;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    /// <summary>1, 2, 3 … per filing version; the order of the trail (timestamps alone may tie).</summary>
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The member who acted, not the organisation the filing belongs to.</summary>
    public string ActorUserId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public ActorRole ActorRole { get; private set; }
    public TAction Action { get; private set; }
    public TStatus From { get; private set; }
    public TStatus To { get; private set; }
    public string? Reason { get; private set; }
}
