using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Checks;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Checks;

/// <summary>
/// Builds the <see cref="FilingSnapshot"/> the pre-submission check reads from a stored filing, its subject and its
/// linked products. The system does not store ICP holder/expiry/scope or the officer-document fields yet, so those stay
/// null and the rules that need them stay silent (the CLI checks them from FILING.json).
/// </summary>
public static class FilingSnapshots
{
    public static async Task<FilingSnapshot> BuildAsync(SuanbeiDbContext db, AlgorithmFiling f, CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        var productIds = f.LinkedProducts.Select(l => l.ProductId).ToList();
        var products = productIds.Count == 0 ? [] : await db.Set<Product>().AsNoTracking()
            .Include(p => p.AccessPath).Include(p => p.Functions)
            .Where(p => productIds.Contains(p.Id) && p.SubjectId == f.SubjectId).ToListAsync(ct);
        var ordered = f.LinkedProducts.Select(l => products.FirstOrDefault(p => p.Id == l.ProductId)).Where(p => p is not null).Select(p => p!).ToList();
        return new FilingSnapshot
        {
            Subject = new SubjectSnapshot
            {
                Name = subject?.Name, CreditCode = subject?.CreditCode, MonthlyActiveUsers = subject?.MonthlyActiveUsers,
                OfficerName = subject?.OfficerName, OfficerIdNumber = subject?.OfficerIdNumber,
            },
            Products = ordered.Select(p =>
            {
                var linked = f.LinkedProducts.First(l => l.ProductId == p.Id).FunctionIdList;
                return new ProductSnapshot
                {
                    Name = p.Name, Form = p.Form, AccessAddress = p.AccessAddress,
                    MonthlyActiveUsers = p.MonthlyActiveUsers, DailyActiveUsers = p.DailyActiveUsers, TotalUsers = p.TotalUsers,
                    Icp = p.IcpNumber is null ? null : new IcpSnapshot { Number = p.IcpNumber },
                    AccessPath = p.AccessPath.Select(s => s.Text).ToList(),
                    // Only the functions this filing links (all of them when none are chosen).
                    Functions = p.Functions.Where(fn => linked.Count == 0 || linked.Contains(fn.Id)).Select(fn => new FunctionSnapshot(fn.Name, fn.Description)).ToList(),
                };
            }).ToList(),
            Filing = new AlgorithmSnapshot
            {
                Name = f.Name, Type = f.Type, Domain = f.Domain, Role = f.Role, Summary = f.Summary, Scenarios = f.Scenarios,
                OutputModalities = Enum.GetValues<DataModality>().Where(m => m != DataModality.None && f.OutputModalities.HasFlag(m)).ToList(),
                UsesBiometricData = f.UsesBiometricData, UsesIdentityData = f.UsesIdentityData,
                ModelAndTrainingData = f.ModelAndTrainingData, Strategy = f.Strategy, RisksAndSafeguards = f.RisksAndSafeguards,
                ModerationFlow = f.ModerationFlow, LogRetentionMonths = f.LogRetentionMonths,
                DisclosurePrinciple = f.DisclosurePrinciple, DisclosureMechanism = f.DisclosureMechanism,
                DisclosureScenarios = f.DisclosureScenarios, DisclosurePurpose = f.DisclosurePurpose,
                Labeling = f.Labeling.Select(l => new LabelingSnapshot
                {
                    Modality = l.Modality, ExplicitMethod = l.ExplicitMethod, ImplicitMethod = l.ImplicitMethod, HasExample = l.ExampleMaterialId is not null,
                }).ToList(),
                LinkedProducts = f.LinkedProducts.Select(l => l.ProductName).ToList(),
                ServiceMode = f.ServiceMode, ServiceModeDescription = f.ServiceModeDescription,
            },
        };
    }

    /// <summary>
    /// Narrative texts of the public entries of other algorithms (公示, 已备案, 已注销 — never other accounts' drafts), to find
    /// copied text. Sources read "备案编号 算法名称·字段".
    /// </summary>
    public static async Task<List<KnownText>> PublishedTextsAsync(SuanbeiDbContext db, AlgorithmFiling except, CancellationToken ct = default)
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
                Summary = o.Summary, Scenarios = o.Scenarios, Strategy = o.Strategy, RisksAndSafeguards = o.RisksAndSafeguards,
                ModerationFlow = o.ModerationFlow, DisclosurePrinciple = o.DisclosurePrinciple, DisclosureMechanism = o.DisclosureMechanism,
                DisclosureScenarios = o.DisclosureScenarios, DisclosurePurpose = o.DisclosurePurpose,
            };
            texts.AddRange(PresubmissionCheck.NarrativeFields(snapshot).Where(x => !string.IsNullOrWhiteSpace(x.Text))
                .Select(x => new KnownText($"{source}·{x.Label}", x.Text!)));
        }
        return texts;
    }

    /// <summary>Runs the check on a stored filing (today in Beijing).</summary>
    public static async Task<CheckReport> CheckAsync(SuanbeiDbContext db, AlgorithmFiling f, DateTimeOffset now, CancellationToken ct = default)
    {
        var snapshot = await BuildAsync(db, f, ct);
        var others = await PublishedTextsAsync(db, f, ct);
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        return PresubmissionCheck.Evaluate(snapshot, today, others);
    }
}
