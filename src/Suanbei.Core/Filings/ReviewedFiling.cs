using Suanbei.Core.Calendar;

namespace Suanbei.Core.Filings;

/// <summary>
/// What every filing version shares however its form reads: a status moved only by guarded transitions, each appended
/// to the append-only <see cref="AuditTrail"/>; the concurrency token every change bumps (so two reviewers cannot both
/// move one version); the Art. 25 review clock; and the domain events listeners hear of after the commit.
/// <see cref="AlgorithmFiling"/> and <c>GenerativeAiFiling</c> derive from it with their own status, action and entry
/// types; the transition tables and everything the forms hold stay theirs.
/// </summary>
public abstract class ReviewedFiling<TStatus, TAction, TEntry> : IHasDomainEvents
    where TStatus : struct, Enum
    where TAction : struct, Enum
    where TEntry : AuditEntry<TAction, TStatus>
{
    private readonly List<IDomainEvent> _events = [];
    // Not private: EF finds a navigation's backing field on a base type only when the field is not private.
    private protected readonly List<TEntry> _auditTrail = [];

    public TStatus Status { get; protected set; }
    public int ConcurrencyVersion { get; private set; }
    public DateTimeOffset UpdatedAt { get; protected set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Date (China time) the current complete submission was made; the Art. 25 clock counts from here.</summary>
    public DateOnly? ClockStartedOn { get; private set; }
    /// <summary>Date of the decision (approval or refusal) that stops the clock.</summary>
    public DateOnly? DecidedOn { get; private set; }
    /// <summary>How many times reviewers sent this version back for correction (退回补正).</summary>
    public int ReturnRounds { get; private set; }

    public IReadOnlyList<TEntry> AuditTrail => _auditTrail;

    /// <summary>What happened since the last save, for listeners after the commit (never persisted).</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _events;
    public void ClearDomainEvents() => _events.Clear();

    /// <summary>The Art. 25 clock: working days used of the limit since complete materials, on the official calendar.</summary>
    public ReviewClock Clock(DateTimeOffset now, WorkingCalendar calendar) =>
        ReviewClock.Of(ClockStartedOn, DecidedOn, now, calendar);

    protected void Raise(IDomainEvent e) => _events.Add(e);

    /// <summary>A complete submission (re)starts the clock, and an earlier decision no longer stops it.</summary>
    protected void StartClock(DateTimeOffset now)
    {
        SubmittedAt = now;
        ClockStartedOn = ChinaTime.Date(now);
        DecidedOn = null;
    }

    /// <summary>A decision stops the clock on its day (China time), which it returns.</summary>
    protected DateOnly StopClock(DateTimeOffset now)
    {
        DecidedOn = ChinaTime.Date(now);
        return DecidedOn.Value;
    }

    /// <summary>Opens the next round of 退回补正 and returns its number; the materials were not complete, so the clock
    /// restarts only on resubmission.</summary>
    protected int OpenReturnRound()
    {
        ReturnRounds++;
        ClockStartedOn = null;
        return ReturnRounds;
    }

    /// <summary>Moves to <paramref name="to"/> (the caller has checked the transition) and records it.</summary>
    protected void Move(TAction action, TStatus to, Actor actor, DateTimeOffset now, string? reason)
    {
        var from = Status;
        Status = to;
        Touch(now);
        Append(actor, now, action, from, to, reason);
    }

    protected void Append(Actor actor, DateTimeOffset now, TAction action, TStatus from, TStatus to, string? reason) =>
        _auditTrail.Add(NewAuditEntry(_auditTrail.Count + 1, now, actor, action, from, to, reason));

    /// <summary>The kind's entry type for one line of the trail.</summary>
    protected abstract TEntry NewAuditEntry(int sequence, DateTimeOffset at, Actor actor, TAction action, TStatus from, TStatus to,
        string? reason);

    protected void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyVersion++;
    }
}
