using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings.Public;

/// <summary>The public entries (公示信息) of filed algorithms, for anyone: the public pages and /api/v1/public/filings.</summary>
public sealed class PublicEntryService(SuanbeiDbContext db)
{
    /// <summary>
    /// The version currently public under a number (公示, 已备案 or 已注销), with its subject; null when unknown.
    /// </summary>
    public async Task<(AlgorithmFiling Filing, PublicEntry Entry)?> PublicEntryAsync(string number, CancellationToken ct = default)
    {
        var publicStatuses = new[] { FilingStatus.Publicity, FilingStatus.Filed, FilingStatus.Cancelled };
        var f = await db.WithChildren().FirstOrDefaultAsync(x => x.FilingNumber == number && publicStatuses.Contains(x.Status), ct);
        if (f is null) return null;
        var subject = await db.Set<Subject>().FirstOrDefaultAsync(s => s.Id == f.SubjectId, ct);
        return (f, PublicEntry.From(f, subject?.PublicName ?? ""));
    }

    public async Task<List<PublicEntry>> PublicEntriesAsync(CancellationToken ct = default)
    {
        var publicStatuses = new[] { FilingStatus.Publicity, FilingStatus.Filed, FilingStatus.Cancelled };
        var list = await db.Set<AlgorithmFiling>().Include(f => f.LinkedProducts)
            .Where(x => publicStatuses.Contains(x.Status)).ToListAsync(ct);
        var ids = list.Select(f => f.SubjectId).Distinct().ToList();
        var subjects = await db.Set<Subject>().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return list.OrderByDescending(f => f.PublishedAt)
            .Select(f => PublicEntry.From(f, subjects.GetValueOrDefault(f.SubjectId)?.PublicName ?? "")).ToList();
    }
}
