using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Core.Subjects;
using Suanbei.Registry;
using Suanbei.Registry.Publishing;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Feeds the public registry (source 本系统公示) from the filing's domain events, after the decision is committed, so
/// the entry is searchable and verifiable beside the imported CAC lists. Everything comes from the event; only the
/// subject's public name is read. The sink is idempotent: a failure (logged by the dispatcher) is repaired by the
/// entry's next publication, change or cancellation.
/// </summary>
public sealed class RegistryFeed(SuanbeiDbContext db, IRegistrySink registry)
    : IDomainEventHandler<FilingPublished>, IDomainEventHandler<FilingChangePublished>, IDomainEventHandler<FilingCancelled>
{
    public Task HandleAsync(FilingPublished e, CancellationToken ct) => PublishAsync(e.Facts, e.PublishedOn, ct);

    public Task HandleAsync(FilingChangePublished e, CancellationToken ct) => PublishAsync(e.Facts, e.PublishedOn, ct);

    public Task HandleAsync(FilingCancelled e, CancellationToken ct) => registry.CancelAsync(e.Number, e.EventDate, e.Reason, ct);

    private async Task PublishAsync(PublicFacts facts, DateOnly publishedOn, CancellationToken ct)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == facts.SubjectId, ct);
        await registry.PublishAsync(ToRegistry(facts, subject?.PublicName ?? "", publishedOn), ct);
    }

    /// <summary>The registry's row for a public entry: the CAC list's columns, the subject named as the public sees it.</summary>
    public static PublishedFiling ToRegistry(PublicFacts f, string entity, DateOnly publishedOn) => new(
        f.Number, f.Name, f.Role is { } r ? DisplayNames.Of(r) : "", f.Type is { } t ? DisplayNames.Of(t) : "",
        entity, [.. f.Products.Select(p => new ProductRef(p.Name, p.Form))], f.MainPurpose ?? "", publishedOn, f.Remark);
}
