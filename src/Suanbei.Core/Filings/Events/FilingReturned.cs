namespace Suanbei.Core.Filings.Events;

/// <summary>退回补正: the version went back to draft with one reason per field (<paramref name="Round"/> counts from 1).</summary>
public sealed record FilingReturned(Guid FilingId, Guid SubjectId, string? Name, int Round, IReadOnlyList<FieldReason> Reasons)
    : IDomainEvent;
