namespace Suanbei.Core.Filings.Events;

/// <summary>注销 of a public entry: the number stays taken; <paramref name="EventDate"/> is the day service stopped.</summary>
public sealed record FilingCancelled(Guid FilingId, string Number, DateOnly EventDate, string? Reason) : IDomainEvent;
