namespace Suanbei.Core.Filings.Events;

/// <summary>A change passed review: this version replaced the public entry under the same number, with a 备注 line.</summary>
public sealed record FilingChangePublished(Guid FilingId, int Revision, PublicFacts Facts, DateOnly PublishedOn) : IDomainEvent;
