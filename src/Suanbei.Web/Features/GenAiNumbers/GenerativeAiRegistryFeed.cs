using Suanbei.Core.Filings.Events;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.GenerativeAi.Events;
using Suanbei.Registry;
using Suanbei.Registry.Publishing;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>
/// Puts approved generative-AI services into the public registry (source 本系统公示) from the filing's domain events,
/// after the decision is committed: the same kind of entry as an imported row of the CAC's lists, so search, the
/// /registry filters, export and <c>number verify</c> find it. Everything comes from the event. The sink is idempotent:
/// a failure (logged by the dispatcher) is repaired by the entry's next change or cancellation.
/// </summary>
public sealed class GenerativeAiRegistryFeed(IRegistrySink registry) : IDomainEventHandler<GenerativeAiFilingApproved>,
    IDomainEventHandler<GenerativeAiFilingChanged>, IDomainEventHandler<GenerativeAiFilingCancelled>
{
    public Task HandleAsync(GenerativeAiFilingApproved e, CancellationToken ct) => registry.PublishAsync(ToRegistry(e), ct);

    public Task HandleAsync(GenerativeAiFilingChanged e, CancellationToken ct) => registry.PublishAsync(
        new PublishedGenerativeAiService(KindOf(e.Kind), e.Province, e.ModelName, e.Entity, e.Number, e.ApprovedOn,
            Products(e.Products), e.Remark), ct);

    public Task HandleAsync(GenerativeAiFilingCancelled e, CancellationToken ct) =>
        registry.CancelAsync(e.Number, e.EventDate, e.Reason, ct);

    /// <summary>The registry's row for an approved service: the columns of the CAC's generative-AI lists.</summary>
    public static PublishedGenerativeAiService ToRegistry(GenerativeAiFilingApproved e) =>
        new(KindOf(e.Kind), e.Province, e.ModelName, e.Entity, e.Number, e.ApprovedOn, Products(e.Products));

    private static GenerativeAiKind KindOf(GenerativeAiFilingKind kind) =>
        kind == GenerativeAiFilingKind.Registration ? GenerativeAiKind.Registration : GenerativeAiKind.Filing;

    private static List<ProductRef> Products(IEnumerable<PublicProduct> products) =>
        [.. products.Select(p => new ProductRef(p.Name, p.Form))];
}
