using Suanbei.Core.Filings.Events;

namespace Suanbei.Core.GenerativeAi.Events;

/// <summary>A change (变更) was approved: the public entry <paramref name="EntryId"/> now shows this version (same number).</summary>
public sealed record GenerativeAiFilingChanged(
    Guid FilingId,
    Guid EntryId,
    int Revision,
    GenerativeAiFilingKind Kind,
    string Province,
    string ModelName,
    string Entity,
    string Number,
    DateOnly ApprovedOn,
    string Remark,
    IReadOnlyList<PublicProduct> Products) : IDomainEvent;
