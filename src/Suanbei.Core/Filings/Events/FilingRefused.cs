namespace Suanbei.Core.Filings.Events;

/// <summary>不予备案 with its reason; a refused change leaves the public version as it was.</summary>
public sealed record FilingRefused(Guid FilingId, Guid SubjectId, string? Name, string Reason) : IDomainEvent;
