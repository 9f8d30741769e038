namespace Suanbei.Core.Subjects;

/// <summary>One entry of a subject's history: submission, approval, return (with reasons) or start of a change.</summary>
public sealed class SubjectDecision
{
    private SubjectDecision() { ByUserId = ""; } // for EF

    public SubjectDecision(Guid id, Guid subjectId, SubjectDecisionKind kind, string byUserId, DateTimeOffset at, string? reasons)
    {
        Id = id; SubjectId = subjectId; Kind = kind; ByUserId = byUserId; At = at; Reasons = reasons;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public SubjectDecisionKind Kind { get; private set; }
    public string ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reasons { get; private set; }
}
