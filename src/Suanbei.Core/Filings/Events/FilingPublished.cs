namespace Suanbei.Core.Filings.Events;

/// <summary>二审通过并公示: a first version received its number and became the public entry.</summary>
public sealed record FilingPublished(Guid FilingId, PublicFacts Facts, DateOnly PublishedOn) : IDomainEvent;
