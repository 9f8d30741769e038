using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Reporting;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// A reviewed run as <see cref="RunResults"/> (final verdict = the latest person's mark, else the automatic one) and the
/// owner's latest check of each bank, for the report and the exports. Another account's run is not found (null).
/// </summary>
public static class ReviewResults
{
    public static async Task<RunResults?> LoadAsync(SuanbeiDbContext db, Guid runId, string ownerId, CancellationToken ct)
    {
        var run = await db.Set<ReviewRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.OwnerId == ownerId, ct);
        if (run is null) return null;
        var items = await db.Set<ReviewItem>().AsNoTracking().Where(i => i.RunId == runId).OrderBy(i => i.Seq).ToListAsync(ct);
        var marks = await db.Set<ReviewMark>().AsNoTracking().Where(m => m.RunId == runId).ToListAsync(ct);
        return From(run, items, marks);
    }

    public static RunResults From(ReviewRun run, IReadOnlyList<ReviewItem> items, IReadOnlyList<ReviewMark> marks)
    {
        var byItem = marks.ToLookup(m => m.ItemId);
        var rows = items.Select(i =>
        {
            var own = byItem[i.Id].OrderBy(m => m.MarkedAt).ToList();
            return new ResultRow(i.Bank, i.Key, i.Risks.Split(';', StringSplitOptions.RemoveEmptyEntries), i.Question, i.Answer,
                i.Auto, own.Count == 0 ? null : ReviewStatistics.Final(i, own),
                own.Count == 0 ? null : ReviewVerdicts.Describe(i.Bank, own));
        }).ToList();
        var agreements = ReviewVerdicts.Banks.SelectMany(b => ReviewStatistics.Tally(b, items, marks).Agreements).ToList();
        var hashes = JsonSerializer.Deserialize<Dictionary<string, string>>(run.InputHashesJson) ?? [];
        return new RunResults(run.Model, run.Endpoint, run.Seed, run.RunCreated ?? run.ImportedAt, run.RulesVersion, hashes, rows,
            agreements);
    }

    /// <summary>The owner's latest check of each bank kind, cited by file name and check time.</summary>
    public static async Task<IReadOnlyList<CheckedBank>> LatestBanksAsync(SuanbeiDbContext db, string ownerId, CancellationToken ct)
    {
        var checks = await db.Set<BankCheck>().AsNoTracking().Where(c => c.OwnerId == ownerId).ToListAsync(ct);
        return Enum.GetValues<BankKind>()
            .Select(k => checks.Where(c => c.Kind == k.Code()).OrderByDescending(c => c.CheckedAt).FirstOrDefault())
            .OfType<BankCheck>()
            .Select(c => new CheckedBank(JsonSerializer.Deserialize<BankReport>(c.ReportJson, BanksModel.Json)!,
                $"{c.FileName}，{ChinaTime.Display(c.CheckedAt)}检查"))
            .ToList();
    }
}
