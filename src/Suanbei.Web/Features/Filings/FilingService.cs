using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// The filer's algorithm-filing use cases (the four steps, submission, change, cancellation), shared by the Razor Pages
/// and the /api/v1 endpoints; reviewer decisions are in <c>Review/FilingReviewService</c>, public entries in
/// <c>Public/PublicEntryService</c>. Ownership is enforced here:
/// a filer's queries only ever see its own filings (a foreign id is "not found"), reviewer queries need the reviewer
/// role, and the aggregate guards every transition. Changes to the audit trail other than appends are refused before
/// anything is saved.
/// </summary>
public sealed class FilingService(SuanbeiDbContext db, TimeProvider clock)
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
        if (role != ActorRole.Filer || !user.HasOrganisation()) return new Actor(user.UserId(), user.Identity?.Name ?? user.UserId(), role);
        return new Actor(user.UserId(), user.ActingName(), role) { OrganisationId = user.OrganisationId() };
    }

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
        db.WithChildren().FirstOrDefaultAsync(f => f.Id == id && f.OwnerUserId == userId, ct);

    public async Task<AlgorithmFiling> CreateAsync(Actor filer, CancellationToken ct = default)
    {
        var subject = await SubjectOfAsync(filer.OwnerId, ct);
        if (subject is null || !subject.IsApproved)
            throw new DomainException("主体备案通过审核后才能填报算法备案。");
        var filing = new AlgorithmFiling(subject.Id, filer, Now);
        db.Add(filing);
        await SaveAsync(ct);
        return filing;
    }

    public async Task UpdateBasicAsync(AlgorithmFiling f, Actor filer, BasicAttributes a, CancellationToken ct = default)
    {
        await RequireOwnMaterialsAsync(filer.OwnerId, [a.SelfAssessmentReportId, a.DisclosureDocumentId], ct);
        f.UpdateBasic(filer, a, Now);
        await SaveAsync(ct);
    }

    public async Task UpdateDetailsAsync(AlgorithmFiling f, Actor filer, DetailedAttributes d, IReadOnlyList<LabelingInput> labeling,
        CancellationToken ct = default)
    {
        await RequireOwnMaterialsAsync(filer.OwnerId, labeling.Select(l => l.ExampleMaterialId), ct);
        f.UpdateDetails(filer, d, Now);
        f.UpdateLabeling(filer, labeling, Now);
        await SaveAsync(ct);
    }

    /// <summary>Step ③: products are looked up in the filer's own catalogue; ids of other accounts' products are refused.</summary>
    public async Task UpdateProductsAsync(AlgorithmFiling f, Actor filer,
        IReadOnlyList<(Guid ProductId, IReadOnlyList<Guid> FunctionIds)> links,
        TechnicalServiceMode? mode, string? modeDescription, CancellationToken ct = default)
    {
        var ids = links.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Set<Product>().Include(p => p.Functions).Where(p => ids.Contains(p.Id) && p.OwnerId == filer.OwnerId)
            .ToListAsync(ct);
        if (products.Count != ids.Count) throw new DomainException("所选产品不存在或不属于本机构。");
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

    public async Task<AlgorithmFiling> StartChangeAsync(
        AlgorithmFiling f, Actor filer, DateOnly eventDate, string? description, CancellationToken ct = default)
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
    }

    /// <summary>All versions of the entry the given version belongs to (the filer sees its history).</summary>
    public Task<List<AlgorithmFiling>> VersionsAsync(Guid entryId, CancellationToken ct = default) =>
        db.Set<AlgorithmFiling>().Where(f => f.EntryId == entryId).OrderBy(f => f.Revision).ToListAsync(ct);

    // ------------------------------------------------------------------ shared by the sub-features' pages

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

    // ------------------------------------------------------------------ helpers

    private async Task RequireOwnMaterialsAsync(string userId, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        if (list.Count == 0) return;
        var own = await db.Set<Material>().CountAsync(m => list.Contains(m.Id) && m.OwnerId == userId, ct);
        if (own != list.Count) throw new DomainException("所引用的材料不存在或不属于本机构。");
    }

    /// <summary>Saves, refusing anything but appends to the audit trail; a concurrent change becomes a Chinese domain error.</summary>
    public Task SaveAsync(CancellationToken ct = default) => AuditTrailGuard.SaveAsync(db, ct);
}
