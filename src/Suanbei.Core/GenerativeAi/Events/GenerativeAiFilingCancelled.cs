namespace Suanbei.Core.GenerativeAi.Events;

/// <summary>注销: the entry stays public, marked cancelled; its number is never issued again.</summary>
public sealed record GenerativeAiFilingCancelled(
    Guid FilingId, Guid EntryId, GenerativeAiFilingKind Kind, string Number, DateOnly EventDate, string? Reason) : IDomainEvent;
