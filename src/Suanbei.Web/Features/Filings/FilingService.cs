using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// The algorithm-filing use cases, shared by the Razor Pages and the /api/v1 endpoints. Ownership is enforced here:
/// a filer's queries only ever see its own filings (a foreign id is "not found"), reviewer queries need the reviewer
/// role, and the aggregate guards every transition. Changes to the audit trail other than appends are refused before
/// anything is saved.
/// </summary>
public sealed class FilingService(SuanbeiDbContext db, TimeProvider clock, FilingNumberAllocator numbers, IRegistrySink registry,
    ILogger<FilingService> log)
{
    public WorkingCalendar Calendar => WorkingCalendar.Official;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The domain's view of the signed-in user: 审核员 act as reviewers; 管理员 (without the reviewer role) only read.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var role = user.IsInRole(Roles.Reviewer) ? ActorRole.Reviewer
            : user.IsInRole(Roles.Filer) ? ActorRole.Filer
            : user.IsInRole(Roles.Admin) ? ActorRole.Admin
            : ActorRole.Filer;
        return new Actor(user.UserId(), user.Identity?.Name ?? user.UserId(), role);
    }

    private IQueryable<AlgorithmFiling> WithChildren() =>
        db.Set<AlgorithmFiling>().Include(f => f.Labeling).Include(f => f.LinkedProducts)
            .Include(f => f.ReturnReasons).Include(f => f.AuditTrail).AsSplitQuery();

    // ------------------------------------------------------------------ filer

    public Task<Subject?> SubjectOfAsync(string userId, CancellationToken ct = default) =>
        db.Set<Subject>().FirstOrDefaultAsync(s => s.OwnerId == userId, ct);

    public async Task<List<AlgorithmFiling>> ListOwnAsync(string userId, CancellationToken ct = default)
    {
        var list = await db.Set<AlgorithmFiling>().Where(f => f.OwnerUserId == userId).ToListAsync(ct);
        return list.OrderByDescending(f => f.UpdatedAt).ToList();
    }

    /// <summary>The filer's own filing, or null (also for another account's filing — no hint that it exists).</summary>
    public Task<AlgorithmFiling?> GetOwnAsync(Guid id, string userId, CancellationToken ct = default) =>
        WithChildren().FirstOrDefaultAsync(f => f.Id == id && f.OwnerUserId == userId, ct);

    public async Task<AlgorithmFiling> CreateAsync(Actor filer, CancellationToken ct = default)
    {
        var subject = await SubjectOfAsync(filer.UserId, ct);
        if (subject is null || !subject.IsApproved)
            throw new DomainException("主体备案通过审核后才能填报算法备案。");
        var filing = new AlgorithmFiling(subject.Id, filer, Now);
        db.Add(filing);
        await SaveAsync(ct);
        return filing;
    }

    public async Task UpdateBasicAsync(AlgorithmFiling f, Actor filer, BasicAttributes a, CancellationToken ct = default)
    {
        await RequireOwnMaterialsAsync(filer.UserId, [a.SelfAssessmentReportId, a.DisclosureDocumentId], ct);
        f.UpdateBasic(filer, a, Now);
        await SaveAsync(ct);
    }

    public async Task UpdateDetailsAsync(AlgorithmFiling f, Actor filer, DetailedAttributes d, IReadOnlyList<LabelingInput> labeling, CancellationToken ct = default)
    {
        await RequireOwnMaterialsAsync(filer.UserId, labeling.Select(l => l.ExampleMaterialId), ct);
        f.UpdateDetails(filer, d, Now);
        f.UpdateLabeling(filer, labeling, Now);
        await SaveAsync(ct);
    }

    /// <summary>Step ③: products are looked up in the filer's own catalogue; ids of other accounts' products are refused.</summary>
    public async Task UpdateProductsAsync(AlgorithmFiling f, Actor filer, IReadOnlyList<(Guid ProductId, IReadOnlyList<Guid> FunctionIds)> links,
        TechnicalServiceMode? mode, string? modeDescription, CancellationToken ct = default)
    {
        var ids = links.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Set<Product>().Include(p => p.Functions).Where(p => ids.Contains(p.Id) && p.OwnerId == filer.UserId).ToListAsync(ct);
        if (products.Count != ids.Count) throw new DomainException("所选产品不存在或不属于本账号。");
        var inputs = new List<LinkedProductInput>();
        foreach (var (productId, functionIds) in links)
        {
            var p = products.First(x => x.Id == productId);
            var known = p.Functions.Select(fn => fn.Id).ToHashSet();
            if (functionIds.Any(id => !known.Contains(id))) throw new DomainException($"所选功能不属于产品“{p.Name}”。");
            inputs.Add(new LinkedProductInput(p.Id, p.Name, DisplayNames.Of(p.Form), functionIds));
        }
        f.LinkProducts(filer, inputs, Now);
        f.SetServiceMode(filer, mode, modeDescription, Now);
        await SaveAsync(ct);
    }

    /// <summary>What a submission attempt found: missing fields, or else the pre-submission check that was run.</summary>
    public sealed record SubmitOutcome(IReadOnlyList<MissingField> Missing, Checks.FilingSnapshots.CheckRun? Check)
    {
        public bool Submitted => Missing.Count == 0 && Check is { Report.Blocks: false };
    }

    /// <summary>
    /// 提交: refused (nothing changes) while fields are missing or while 备案预审 reports a 阻断 finding — a filing that
    /// would certainly be returned is not sent to a reviewer.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(AlgorithmFiling f, Actor filer, CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        if (subject is null || !subject.IsApproved) throw new DomainException("主体备案通过审核后才能提交算法备案。");
        FilingWorkflow.Require(f.Status, FilingAction.Submit, filer);
        var missing = f.MissingFields();
        if (missing.Count > 0) return new SubmitOutcome(missing, null);
        var check = await Checks.FilingSnapshots.RunAsync(db, f, Now, null, ct);
        if (check.Report.Blocks) return new SubmitOutcome([], check);
        missing = f.Submit(filer, Now);
        if (missing.Count == 0) await SaveAsync(ct);
        return new SubmitOutcome(missing, check);
    }

    public async Task<AlgorithmFiling> StartChangeAsync(AlgorithmFiling f, Actor filer, DateOnly eventDate, string? description, CancellationToken ct = default)
    {
        var change = f.StartChange(filer, Now, eventDate, description);
        db.Add(change);
        await SaveAsync(ct);
        return change;
    }

    public async Task CancelAsync(AlgorithmFiling f, Actor filer, DateOnly eventDate, string? reason, CancellationToken ct = default)
    {
        f.Cancel(filer, Now, eventDate, reason);
        await SaveAsync(ct);
        if (f.FilingNumber is { } number)
            await FeedRegistryAsync(() => registry.CancelAsync(number, eventDate, reason, ct), number);
    }

    /// <summary>All versions of the entry the given version belongs to (the filer sees its history).</summary>
    public Task<List<AlgorithmFiling>> VersionsAsync(Guid entryId, CancellationToken ct = default) =>
        db.Set<AlgorithmFiling>().Where(f => f.EntryId == entryId).OrderBy(f => f.Revision).ToListAsync(ct);

    // ------------------------------------------------------------------ reviewer

    /// <summary>Filings awaiting a reviewer (已提交, 一审, 二审) and those in 公示.</summary>
    public async Task<List<AlgorithmFiling>> ReviewQueueAsync(CancellationToken ct = default)
    {
        var statuses = new[] { FilingStatus.Submitted, FilingStatus.FirstReview, FilingStatus.SecondReview, FilingStatus.Publicity };
        var list = await db.Set<AlgorithmFiling>().Where(f => statuses.Contains(f.Status)).ToListAsync(ct);
        return list.OrderBy(f => f.SubmittedAt ?? f.CreatedAt).ToList();
    }

    /// <summary>For reviewers: any filing that has been submitted at least once (drafts never submitted are private).</summary>
    public Task<AlgorithmFiling?> GetForReviewAsync(Guid id, CancellationToken ct = default) =>
        WithChildren().FirstOrDefaultAsync(f => f.Id == id && f.SubmittedAt != null, ct);

    /// <summary>
    /// The filing's linked products as they are now, with the functions the filing chose (功能), in the filing's order.
    /// Products are looked up within the filing's subject only; a product or function deleted since shows as missing.
    /// </summary>
    public async Task<IReadOnlyList<LinkedProductView>> LinkedProductsAsync(AlgorithmFiling f, CancellationToken ct = default)
    {
        var ids = f.LinkedProducts.Select(l => l.ProductId).ToList();
        var products = ids.Count == 0 ? [] : await db.Set<Product>().AsNoTracking().Include(p => p.Functions)
            .Where(p => ids.Contains(p.Id) && p.SubjectId == f.SubjectId).ToListAsync(ct);
        return f.LinkedProducts.Select(l =>
        {
            var p = products.FirstOrDefault(x => x.Id == l.ProductId);
            var chosen = l.FunctionIdList.Select(id => (id, Function: p?.Functions.FirstOrDefault(fn => fn.Id == id))).ToList();
            return new LinkedProductView(l, p, chosen.Where(c => c.Function is not null).Select(c => c.Function!).ToList(),
                chosen.Count(c => c.Function is null));
        }).ToList();
    }

    public async Task<Dictionary<Guid, Subject>> SubjectsAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Subject>().Where(s => list.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
    }

    public async Task ReviewAsync(AlgorithmFiling f, Actor reviewer, FilingAction action, string? reason = null,
        IReadOnlyList<FieldReason>? fieldReasons = null, CancellationToken ct = default)
    {
        switch (action)
        {
            case FilingAction.StartFirstReview: f.StartFirstReview(reviewer, Now); break;
            case FilingAction.PassFirstReview: f.PassFirstReview(reviewer, Now, reason); break;
            case FilingAction.CompletePublicity: f.CompletePublicity(reviewer, Now); break;
            case FilingAction.Return: f.Return(reviewer, Now, fieldReasons ?? []); break;
            case FilingAction.Refuse:
                f.Refuse(reviewer, Now, reason ?? "", f.Kind == FilingKind.Change ? await PreviousAsync(f, ct) : null);
                break;
            case FilingAction.Publish:
                if (f.Kind == FilingKind.Change) f.ApproveChange(reviewer, Now, await PreviousAsync(f, ct));
                else
                {
                    await numbers.PublishAsync(db, f.Id, reviewer, Now, Calendar, ct);
                    await PublishToRegistryAsync(f.Id, ct);
                    return;
                }
                break;
            default: throw new DomainException("审核员不能执行此操作。");
        }
        await SaveAsync(ct);
        if (action == FilingAction.Publish) await PublishToRegistryAsync(f.Id, ct);
    }

    /// <summary>
    /// Feeds the public entry into the public registry (source 本系统公示) so it is searchable and verifiable beside the
    /// imported official lists. The filing itself is already saved; the sink is idempotent, so a failure here is logged
    /// and repaired by the next publication, change or cancellation of the entry rather than undoing the decision.
    /// </summary>
    private async Task PublishToRegistryAsync(Guid filingId, CancellationToken ct)
    {
        var f = await WithChildren().AsNoTracking().FirstAsync(x => x.Id == filingId, ct);
        if (!f.IsPublic || f.FilingNumber is null) return;
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        var entry = PublicEntry.From(f, subject?.PublicName ?? "");
        var published = new PublishedFiling(entry.Number, entry.Name, entry.Role, entry.TypeName, entry.SubjectName,
            entry.Products, entry.MainPurpose, ChinaTime.Date(Now), entry.Remarks.Count > 0 ? entry.Remarks[^1] : null);
        await FeedRegistryAsync(() => registry.PublishAsync(published, ct), entry.Number);
    }

    private async Task FeedRegistryAsync(Func<Task> feed, string number)
    {
        try { await feed(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Public registry not updated for {Number}; it will be on the entry's next change", number);
        }
    }

    private async Task<AlgorithmFiling> PreviousAsync(AlgorithmFiling change, CancellationToken ct) =>
        await WithChildren().FirstAsync(x => x.Id == change.PreviousVersionId, ct);

    /// <summary>
    /// The system closes every publicity period that has ended (公示 → 已备案, actor 系统). Entries whose period could not
    /// be computed (无官方日历) are left for a reviewer. Returns how many were closed.
    /// </summary>
    public async Task<int> CloseEndedPublicityAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Date(Now);
        var due = await WithChildren()
            .Where(f => f.Status == FilingStatus.Publicity && f.PublicityEndsOn != null && f.PublicityEndsOn <= today).ToListAsync(ct);
        foreach (var f in due) f.CompletePublicity(Actor.System, Now);
        if (due.Count > 0) await SaveAsync(ct);
        return due.Count;
    }

    // ------------------------------------------------------------------ public

    /// <summary>The version currently public under a number (公示, 已备案 or 已注销), with its subject; null when unknown.</summary>
    public async Task<(AlgorithmFiling Filing, PublicEntry Entry)?> PublicEntryAsync(string number, CancellationToken ct = default)
    {
        var publicStatuses = new[] { FilingStatus.Publicity, FilingStatus.Filed, FilingStatus.Cancelled };
        var f = await WithChildren().FirstOrDefaultAsync(x => x.FilingNumber == number && publicStatuses.Contains(x.Status), ct);
        if (f is null) return null;
        var subject = await db.Set<Subject>().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        return (f, PublicEntry.From(f, subject?.PublicName ?? ""));
    }

    public async Task<List<PublicEntry>> PublicEntriesAsync(CancellationToken ct = default)
    {
        var publicStatuses = new[] { FilingStatus.Publicity, FilingStatus.Filed, FilingStatus.Cancelled };
        var list = await db.Set<AlgorithmFiling>().Include(f => f.LinkedProducts).Where(x => publicStatuses.Contains(x.Status)).ToListAsync(ct);
        var subjects = await SubjectsAsync(list.Select(f => f.SubjectId), ct);
        return list.OrderByDescending(f => f.PublishedAt).Select(f => PublicEntry.From(f, subjects.GetValueOrDefault(f.SubjectId)?.PublicName ?? "")).ToList();
    }

    // ------------------------------------------------------------------ helpers

    private async Task RequireOwnMaterialsAsync(string userId, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        if (list.Count == 0) return;
        var own = await db.Set<Material>().CountAsync(m => list.Contains(m.Id) && m.OwnerId == userId, ct);
        if (own != list.Count) throw new DomainException("所引用的材料不存在或不属于本账号。");
    }

    /// <summary>Saves, refusing anything but appends to the audit trail; a concurrent change becomes a Chinese domain error.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
    {
        AuditTrailGuard.Check(db);
        // Two reviewers acting at once: the loser gets a conflict (stale version or the audit sequence just taken), a 409.
        await db.SaveOrConflictAsync(ct);
    }
}

public static class AuditTrailGuard
{
    /// <summary>The audit trail is append-only: modified or deleted entries never reach the database.</summary>
    public static void Check(DbContext db)
    {
        if (db.ChangeTracker.Entries<FilingAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || db.ChangeTracker.Entries<FilingReturnReason>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The filing audit trail is append-only.");
    }
}

/// <summary>A linked product for display: the link as filed, the product now (null when deleted), the chosen functions
/// that still exist and how many chosen ones were deleted since.</summary>
public sealed record LinkedProductView(FilingProductLink Link, Product? Product, IReadOnlyList<ProductFunction> Functions, int MissingFunctions);

/// <summary>The model of _FilingSummary: the filing and its linked products with their chosen functions.</summary>
public sealed record FilingSummaryView(AlgorithmFiling Filing, IReadOnlyList<LinkedProductView> Products);
