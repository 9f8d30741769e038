using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Checks;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Registry;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;

namespace Suanbei.Web.Features.Filings.Checks;

/// <summary>
/// Builds the <see cref="FilingSnapshot"/> the pre-submission check reads from a stored filing, its subject and its
/// linked products. ICP holder/expiry/scope and the officer-document fields are optional: what was not entered stays
/// null and the rules that need it stay silent.
/// </summary>
public static class FilingSnapshots
{
    /// <summary>The snapshot and the ids of its products in snapshot order (products[i] is ProductIds[i]), for links to the product
    /// pages.</summary>
    public static async Task<(FilingSnapshot Snapshot, IReadOnlyList<Guid> ProductIds)> BuildWithProductIdsAsync(
        SuanbeiDbContext db, AlgorithmFiling f,
        CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        var productIds = f.LinkedProducts.Select(l => l.ProductId).ToList();
        var products = productIds.Count == 0 ? [] : await db.Set<Product>().AsNoTracking()
            .Include(p => p.AccessPath).Include(p => p.Functions)
            .Where(p => productIds.Contains(p.Id) && p.SubjectId == f.SubjectId).ToListAsync(ct);
        var ordered = f.LinkedProducts.Select(l => products.FirstOrDefault(p => p.Id == l.ProductId)).Where(p => p is not null)
            .Select(p => p!).ToList();
        var snapshot = new FilingSnapshot
        {
            Subject = new SubjectSnapshot
            {
                Name = subject?.Name, CreditCode = subject?.CreditCode, MonthlyActiveUsers = subject?.MonthlyActiveUsers,
                OfficerName = subject?.OfficerName, OfficerIdNumber = subject?.OfficerIdNumber,
            },
            OfficerDocuments = OfficerDocuments(subject),
            Products = ordered.Select(p =>
            {
                var linked = f.LinkedProducts.First(l => l.ProductId == p.Id).FunctionIdList;
                return new ProductSnapshot
                {
                    Name = p.Name, Form = p.Form, AccessAddress = p.AccessAddress,
                    MonthlyActiveUsers = p.MonthlyActiveUsers, DailyActiveUsers = p.DailyActiveUsers, TotalUsers = p.TotalUsers,
                    Icp = p.IcpNumber is null && p.IcpHolder is null && p.IcpExpiresOn is null && p.IcpBusinessScope is null ? null
                        : new IcpSnapshot
                        {
                            Number = p.IcpNumber, Holder = p.IcpHolder, ExpiresOn = p.IcpExpiresOn,
                            BusinessScope = p.IcpBusinessScope
                        },
                    AccessPath = p.AccessPath.Select(s => s.Text).ToList(),
                    // Only the functions this filing links (all of them when none are chosen).
                    Functions = p.Functions.Where(fn => linked.Count == 0 || linked.Contains(fn.Id))
                        .Select(fn => new FunctionSnapshot(fn.Name, fn.Description)).ToList(),
                };
            }).ToList(),
            Filing = new AlgorithmSnapshot
            {
                Name = f.Name, Type = f.Type, Domain = f.Domain, Role = f.Role, MainPurpose = f.MainPurpose, Summary = f.Summary,
                Scenarios = f.Scenarios,
                OutputModalities = Enum.GetValues<DataModality>().Where(m => m != DataModality.None && f.OutputModalities.HasFlag(m))
                    .ToList(),
                UsesBiometricData = f.UsesBiometricData, UsesIdentityData = f.UsesIdentityData,
                DataSources = f.DataSources, ModelAndTrainingData = f.ModelAndTrainingData, Strategy = f.Strategy,
                RisksAndSafeguards = f.RisksAndSafeguards,
                ModerationFlow = f.ModerationFlow, LogRetentionMonths = f.LogRetentionMonths,
                ComplaintChannels = f.ComplaintChannels, RegulatorCooperation = f.RegulatorCooperation,
                DisclosurePrinciple = f.DisclosurePrinciple, DisclosureMechanism = f.DisclosureMechanism,
                DisclosureScenarios = f.DisclosureScenarios, DisclosurePurpose = f.DisclosurePurpose,
                Labeling = f.Labeling.Select(l => new LabelingSnapshot
                {
                    Modality = l.Modality, ExplicitMethod = l.ExplicitMethod, ImplicitMethod = l.ImplicitMethod,
                    HasExample = l.ExampleMaterialId is not null,
                }).ToList(),
                LinkedProducts = f.LinkedProducts.Select(l => l.ProductName).ToList(),
                LinkedFunctions = f.LinkedProducts.SelectMany(l => l.FunctionIdList.Select(id => new LinkedFunctionSnapshot(l.ProductName,
                    products.FirstOrDefault(p => p.Id == l.ProductId)?.Functions.FirstOrDefault(fn => fn.Id == id)?.Name))).ToList(),
                ServiceMode = f.ServiceMode, ServiceModeDescription = f.ServiceModeDescription,
            },
        };
        return (snapshot, ordered.Select(p => p.Id).ToList());
    }

    /// <summary>The officer documents as entered, or null when nothing was entered (then the officer rules stay silent).</summary>
    private static OfficerDocumentsSnapshot? OfficerDocuments(Subject? s) =>
        s is null || new[] { s.CommitmentSignerName, s.CommitmentSignerIdNumber, s.EmploymentName, s.EmploymentEmployer, s.EmploymentPost,
            s.EmploymentTenure }
            .All(v => v is null)
            ? null
            : new OfficerDocumentsSnapshot
            {
                CommitmentSignerName = s.CommitmentSignerName, CommitmentSignerIdNumber = s.CommitmentSignerIdNumber,
                EmploymentName = s.EmploymentName, EmploymentEmployer = s.EmploymentEmployer,
                EmploymentPost = s.EmploymentPost, EmploymentTenure = s.EmploymentTenure,
            };

    /// <summary>
    /// Narrative texts of the public entries of other algorithms (公示, 已备案, 已注销 — never other accounts' drafts), to find
    /// copied text. Sources read "备案编号 算法名称·字段".
    /// </summary>
    public static async Task<List<KnownText>> PublishedTextsAsync(
        SuanbeiDbContext db, AlgorithmFiling except, CancellationToken ct = default)
    {
        var publicStatuses = new[] { FilingStatus.Publicity, FilingStatus.Filed, FilingStatus.Cancelled };
        var others = await db.Set<AlgorithmFiling>().AsNoTracking()
            .Where(x => publicStatuses.Contains(x.Status) && x.EntryId != except.EntryId).ToListAsync(ct);
        var texts = new List<KnownText>();
        foreach (var o in others)
        {
            var source = $"{o.FilingNumber} {o.Name}";
            var snapshot = new AlgorithmSnapshot
            {
                MainPurpose = o.MainPurpose, Summary = o.Summary, Scenarios = o.Scenarios, Strategy = o.Strategy,
                RisksAndSafeguards = o.RisksAndSafeguards,
                DataSources = o.DataSources, ModelAndTrainingData = o.ModelAndTrainingData, ComplaintChannels = o.ComplaintChannels,
                RegulatorCooperation = o.RegulatorCooperation,
                ModerationFlow = o.ModerationFlow, DisclosurePrinciple = o.DisclosurePrinciple, DisclosureMechanism = o.DisclosureMechanism,
                DisclosureScenarios = o.DisclosureScenarios, DisclosurePurpose = o.DisclosurePurpose,
            };
            texts.AddRange(PresubmissionCheck.NarrativeFields(snapshot).Where(x => !string.IsNullOrWhiteSpace(x.Text))
                .Select(x => new KnownText($"{source}·{x.Label}", x.Text!)));
        }
        return texts;
    }

    /// <summary>
    /// 主要用途 of the CAC's published lists (the registry) near any narrative field of the snapshot, found with the
    /// registry's MinHash index; the check then measures them exactly. The filing's own number is excluded.
    /// </summary>
    public static async Task<List<KnownText>> RegistryTextsAsync(SuanbeiDbContext db, RegistrySimilarity registry, FilingSnapshot snapshot,
        string? ownNumber, CancellationToken ct = default)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, text) in PresubmissionCheck.NarrativeFields(snapshot.Filing))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var hit in await registry.FindAsync(db, text, 3, 0.3, ownNumber, ct)) numbers.Add(hit.Id);
        }
        if (numbers.Count == 0) return [];
        var entries = await db.Set<RegistryEntry>().AsNoTracking().Where(e => numbers.Contains(e.Number) && e.Purpose != null)
            .Select(e => new { e.Number, e.Name, e.Entity, e.Purpose }).ToListAsync(ct);
        return entries.Select(e => new KnownText($"{e.Number} {e.Entity}「{e.Name}」·主要用途", e.Purpose!)).ToList();
    }

    /// <summary>A check of a stored filing with what links its findings to the forms: the snapshot and its products' ids.</summary>
    public sealed record CheckRun(CheckReport Report, FilingSnapshot Snapshot, IReadOnlyList<Guid> ProductIds);

    /// <summary>Runs the check on a stored filing (today in Beijing), against published filings and, when given, the registry.</summary>
    public static async Task<CheckRun> RunAsync(SuanbeiDbContext db, AlgorithmFiling f, DateTimeOffset now,
        RegistrySimilarity? registry = null,
        CancellationToken ct = default)
    {
        var (snapshot, productIds) = await BuildWithProductIdsAsync(db, f, ct);
        var others = await PublishedTextsAsync(db, f, ct);
        if (registry is not null) others.AddRange(await RegistryTextsAsync(db, registry, snapshot, f.FilingNumber, ct));
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        return new CheckRun(PresubmissionCheck.Evaluate(snapshot, today, others), snapshot, productIds);
    }

    public static async Task<CheckReport> CheckAsync(SuanbeiDbContext db, AlgorithmFiling f, DateTimeOffset now,
        RegistrySimilarity? registry = null,
        CancellationToken ct = default) => (await RunAsync(db, f, now, registry, ct)).Report;
}
