namespace Suanbei.Core.Filings;

/// <summary>One line of the append-only audit trail: who, when, from, to, why. No setters are reachable after creation.</summary>
public sealed class FilingAuditEntry
{
    private FilingAuditEntry() { }
    internal FilingAuditEntry(int sequence, DateTimeOffset at, Actor actor, FilingAction action, FilingStatus from, FilingStatus to,
        string? reason)
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
    public string ActorUserId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public ActorRole ActorRole { get; private set; }
    public FilingAction Action { get; private set; }
    public FilingStatus From { get; private set; }
    public FilingStatus To { get; private set; }
    public string? Reason { get; private set; }
}
