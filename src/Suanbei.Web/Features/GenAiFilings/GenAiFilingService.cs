using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Identifiers;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Registry;
using Suanbei.Registry.Store;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// The filer's generative-AI filing use cases (form, products, materials, submission, change, cancellation), shared by
/// the pages and /api/v1/genai-filings. A filer only ever sees its own filings (another account's id is "not found");
/// the aggregate guards every transition; the audit trail is append-only.
/// </summary>
public sealed class GenAiFilingService(SuanbeiDbContext db, TimeProvider clock, IRegistryStore registry)
{
    public WorkingCalendar Calendar => WorkingCalendar.Official;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The one place that scopes data to its owner: the organisation the request acts for (<c>User.OrganisationId()</c>),
    /// which for an account acting for itself is the account's own id.
    /// </summary>
    private IQueryable<GenerativeAiFiling> Scoped(string ownerId) =>
        db.Set<GenerativeAiFiling>().Where(f => f.OwnerUserId == ownerId);

    public async Task<List<GenerativeAiFiling>> ListOwnAsync(string ownerId, CancellationToken ct = default)
    {
        var list = await Scoped(ownerId).ToListAsync(ct);
        return list.OrderByDescending(f => f.UpdatedAt).ToList();
    }

    /// <summary>The filer's own filing with its children, or null (also for another account's filing).</summary>
    public Task<GenerativeAiFiling?> GetOwnAsync(Guid id, string ownerId, CancellationToken ct = default) =>
        WithChildren(Scoped(ownerId)).FirstOrDefaultAsync(f => f.Id == id, ct);

    internal static IQueryable<GenerativeAiFiling> WithChildren(IQueryable<GenerativeAiFiling> q) =>
        q.Include(f => f.Products).Include(f => f.Materials).Include(f => f.ReturnReasons).Include(f => f.AuditTrail).AsSplitQuery();

    /// <summary>A new draft for the account's approved subject.</summary>
    public async Task<GenerativeAiFiling> CreateAsync(Actor filer, CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().FirstOrDefaultAsync(s => s.OwnerId == filer.OwnerId, ct);
        if (subject is null || !subject.IsApproved)
            throw new DomainException("主体备案通过审核后才能办理生成式人工智能服务备案或登记。");
        var f = new GenerativeAiFiling(subject.Id, filer, Now);
        db.Add(f);
        await SaveAsync(ct);
        return f;
    }

    public async Task UpdateFormAsync(GenerativeAiFiling f, Actor filer, GenerativeAiServiceForm form, CancellationToken ct = default)
    {
        f.UpdateForm(filer, form, Now);
        await SaveAsync(ct);
    }

    /// <summary>Links products of the filing's subject; ids of other accounts' products are refused.</summary>
    public async Task UpdateProductsAsync(GenerativeAiFiling f, Actor filer, IReadOnlyList<Guid> productIds, CancellationToken ct = default)
    {
        var ids = productIds.Distinct().ToList();
        var products = await db.Set<Product>().Where(p => ids.Contains(p.Id) && p.SubjectId == f.SubjectId).ToListAsync(ct);
        if (products.Count != ids.Count) throw new DomainException("所选产品不存在或不属于本机构。");
        f.LinkProducts(filer, ids.Select(id => products.First(p => p.Id == id))
            .Select(p => new PublicProductRef(p.Id, p.Name, DisplayNames.Of(p.Form))), Now);
        await SaveAsync(ct);
    }

    /// <summary>Attaches (or with null removes) an uploaded material of this account.</summary>
    public async Task SetMaterialAsync(GenerativeAiFiling f, Actor filer, string key, Guid? materialId, CancellationToken ct = default)
    {
        if (materialId is { } id && !await db.Set<Material>().AnyAsync(m => m.Id == id && m.OwnerId == filer.OwnerId, ct))
            throw new DomainException("所引用的材料不存在或不属于本机构。");
        f.SetMaterial(filer, key, materialId, Now);
        await SaveAsync(ct);
    }

    /// <summary>提交 with the subject's 备案单位 and 属地 as approved; returns what is missing (nothing changes then).</summary>
    public async Task<IReadOnlyList<MissingField>> SubmitAsync(GenerativeAiFiling f, Actor filer, CancellationToken ct = default)
    {
        var (entity, province) = await SubjectFactsAsync(f.SubjectId, ct);
        var missing = f.Submit(filer, Now, entity, province);
        if (missing.Count == 0) await SaveAsync(ct);
        return missing;
    }

    public async Task<GenerativeAiFiling> StartChangeAsync(GenerativeAiFiling f, Actor filer, DateOnly eventDate, string? description,
        CancellationToken ct = default)
    {
        var change = f.StartChange(filer, Now, eventDate, description);
        db.Add(change);
        await SaveAsync(ct);
        return change;
    }

    public async Task CancelAsync(GenerativeAiFiling f, Actor filer, DateOnly eventDate, string? reason, CancellationToken ct = default)
    {
        f.Cancel(filer, Now, eventDate, reason);
        await SaveAsync(ct);
    }

    /// <summary>The products of the filing's subject the filer can link.</summary>
    public Task<List<Product>> ProductsOfSubjectAsync(Guid subjectId, CancellationToken ct = default) =>
        db.Set<Product>().AsNoTracking().Where(p => p.SubjectId == subjectId).OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>
    /// Filed generative-AI models of the registry (备案 numbers only: a 登记 is itself a caller) matching
    /// <paramref name="text"/>, to choose the called model from.
    /// </summary>
    public async Task<IReadOnlyList<RegistryEntry>> FiledModelsAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var result = await registry.SearchAsync(new RegistryQuery { Text = text, PageSize = 200 }, ct);
        return result.Items.Where(e => e.Scheme == RegistryNumberScheme.GenerativeAiFiling).Take(20).ToList();
    }

    /// <summary>备案单位 and 属地 (province name) of a subject as last approved.</summary>
    internal async Task<(string Entity, string Province)> SubjectFactsAsync(Guid subjectId, CancellationToken ct)
    {
        var s = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == subjectId, ct)
            ?? throw new DomainException("备案主体不存在。");
        if (!s.IsApproved) throw new DomainException("主体备案通过审核后才能办理生成式人工智能服务备案或登记。");
        var province = Regions.ProvinceName(s.ApprovedRegionCode ?? s.RegionCode ?? "") ?? "";
        return (s.PublicName ?? "", province);
    }

    /// <summary>All versions of an entry, for the filer's history.</summary>
    public Task<List<GenerativeAiFiling>> VersionsAsync(GenerativeAiFiling f, string ownerId, CancellationToken ct = default) =>
        Scoped(ownerId).Where(x => x.EntryId == f.EntryId).OrderBy(x => x.Revision).ToListAsync(ct);

    public Task SaveAsync(CancellationToken ct = default) => AuditTrailGuard.SaveAsync(db, ct);
}
