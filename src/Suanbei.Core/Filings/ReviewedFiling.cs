using Suanbei.Core.Calendar;

namespace Suanbei.Core.Filings;

/// <summary>
/// What every filing version shares however its form reads: its place in a public entry (version 1, then one version
/// per change, each owned by the filer's account); a status moved only by guarded transitions, each appended to the
/// append-only <see cref="AuditTrail"/>; the concurrency token every change bumps (so two reviewers cannot both move
/// one version); the Art. 25 review clock; the rules of 变更 and 注销 that do not depend on the form (Art. 24); and the
/// domain events listeners hear of after the commit. <see cref="AlgorithmFiling"/> and <c>GenerativeAiFiling</c> derive
/// from it with their own status, action and entry types; the transition tables and everything the forms hold stay theirs.
/// </summary>
public abstract class ReviewedFiling<TStatus, TAction, TEntry> : IHasDomainEvents
    where TStatus : struct, Enum
    where TAction : struct, Enum
    where TEntry : AuditEntry<TAction, TStatus>
{
    private readonly List<IDomainEvent> _events = [];
    // Not private: EF finds a navigation's backing field on a base type only when the field is not private.
    private protected readonly List<TEntry> _auditTrail = [];

    protected ReviewedFiling() { } // EF, and the derived types' own constructors

    /// <summary>Version 1 of a new public entry, owned by <paramref name="filer"/>'s account (the derived type sets its
    /// draft status).</summary>
    protected ReviewedFiling(Guid subjectId, Actor filer, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        EntryId = Id;
        SubjectId = subjectId;
        OwnerUserId = filer.OwnerId;
        Revision = 1;
        CreatedAt = UpdatedAt = now;
    }

    /// <summary>A change (变更) of <paramref name="source"/>: the next version of the same entry, with its owner and its
    /// 备注 lines so far; <paramref name="eventDate"/> is the day the change happened (the filer's deadline runs from it).</summary>
    protected ReviewedFiling(ReviewedFiling<TStatus, TAction, TEntry> source, DateTimeOffset now, DateOnly eventDate,
        string? description)
    {
        Id = Guid.NewGuid();
        EntryId = source.EntryId;
        SubjectId = source.SubjectId;
        OwnerUserId = source.OwnerUserId;
        Revision = source.Revision + 1;
        PreviousVersionId = source.Id;
        CreatedAt = UpdatedAt = now;
        Remarks = source.Remarks;
        ChangeEventDate = eventDate;
        ChangeDescription = description;
    }

    public Guid Id { get; private set; }
    /// <summary>The public entry this version belongs to: the id of its first version, shared by all its changes.</summary>
    public Guid EntryId { get; private set; }
    public Guid SubjectId { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    /// <summary>1 for the first version, 2, 3 … for each change.</summary>
    public int Revision { get; private set; }
    public Guid? PreviousVersionId { get; private set; }
    /// <summary>Whether this version is a change (变更) of a public entry rather than its first version.</summary>
    public bool IsChange => Revision > 1;
    public DateTimeOffset CreatedAt { get; private set; }

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

    public string? RefusalReason { get; private set; }

    /// <summary>备注 lines of the public entry, newline-separated, oldest first (changes and cancellation).</summary>
    public string? Remarks { get; protected set; }

    public IReadOnlyList<string> RemarkLines =>
        (Remarks ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // change of this version (when it is a change) and open change (when this is the public version)
    public DateOnly? ChangeEventDate { get; private set; }
    public string? ChangeDescription { get; private set; }
    public Guid? OpenChangeId { get; protected set; }

    // cancellation (注销)
    public DateOnly? CancelEventDate { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }

    public IReadOnlyList<TEntry> AuditTrail => _auditTrail;

    /// <summary>What happened since the last save, for listeners after the commit (never persisted).</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _events;
    public void ClearDomainEvents() => _events.Clear();

    /// <summary>The Art. 25 clock: working days used of the limit since complete materials, on the official calendar.</summary>
    public ReviewClock Clock(DateTimeOffset now, WorkingCalendar calendar) =>
        ReviewClock.Of(ClockStartedOn, DecidedOn, now, calendar);

    /// <summary>The filer's own deadline (Art. 24) for this cancellation or change, from the event date entered.</summary>
    public Deadline? FilerDeadline(WorkingCalendar calendar) =>
        CancelEventDate is { } c ? Deadline.Compute(DeadlineKind.Cancellation, c, calendar)
        : IsChange && ChangeEventDate is { } e ? Deadline.Compute(DeadlineKind.Change, e, calendar)
        : null;

    /// <summary>What the filing is called in messages, e.g. 算法备案.</summary>
    protected abstract string KindName { get; }

    protected void Raise(IDomainEvent e) => _events.Add(e);

    /// <summary>Only the account that owns the entry may change it.</summary>
    protected void RequireOwner(Actor filer)
    {
        if (filer.OwnerId != OwnerUserId) throw new DomainException($"无权操作他人的{KindName}。");
    }

    /// <summary>A decision on a change needs the version it was started from (the caller loads it).</summary>
    protected void RequirePrevious(ReviewedFiling<TStatus, TAction, TEntry>? previous)
    {
        if (previous is null || previous.Id != PreviousVersionId)
            throw new ArgumentException("previous must be the version this change was started from", nameof(previous));
    }

    /// <summary>发起变更 on the public version: one change at a time, and the change has happened (not a future date).</summary>
    protected void RequireChangeCanStart(DateTimeOffset now, DateOnly eventDate)
    {
        if (OpenChangeId is not null) throw new DomainException("已有一项变更在办理中，请先完成它。");
        if (eventDate > ChinaTime.Date(now)) throw new DomainException("变更发生日期不能晚于今天。");
    }

    /// <summary>注销: not while a change is open, the service has stopped (not a future date); the entry stays public with
    /// a 备注 line "YYYY年M月已注销". The caller moves the status.</summary>
    protected void RecordCancellation(DateTimeOffset now, DateOnly eventDate, string? reason)
    {
        if (OpenChangeId is not null) throw new DomainException("有一项变更正在办理，不能同时注销。");
        var today = ChinaTime.Date(now);
        if (eventDate > today) throw new DomainException("停止服务日期不能晚于今天。");
        CancelEventDate = eventDate;
        CancelledAt = now;
        CancelReason = reason;
        Remarks = AppendLine(Remarks, $"{today.Year}年{today.Month}月已注销");
    }

    /// <summary>不予备案: records the reason and stops the clock; a refused change is no longer open on the public version
    /// (<paramref name="previous"/>), which stays as it was. The caller moves the status.</summary>
    protected void RecordRefusal(string reason, DateTimeOffset now, ReviewedFiling<TStatus, TAction, TEntry>? previous)
    {
        if (IsChange) RequirePrevious(previous);
        RefusalReason = reason;
        StopClock(now);
        if (IsChange) previous!.OpenChangeId = null;
    }

    /// <summary>This version was public until <paramref name="changeRevision"/>, a change of it, was approved.</summary>
    protected void Supersede(TAction action, TStatus superseded, Actor reviewer, DateTimeOffset now, int changeRevision)
    {
        var from = Status;
        Status = superseded;
        OpenChangeId = null;
        Touch(now);
        Append(reviewer, now, action, from, superseded, $"被第{changeRevision}版变更取代");
    }

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

    protected static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    protected static string AppendLine(string? existing, string line) =>
        string.IsNullOrEmpty(existing) ? line : existing + "\n" + line;
}
