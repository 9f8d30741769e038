using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings.Review;

/// <summary>
/// The reviewers' use cases (queue, 一审/二审 decisions) and the system's closing of ended publicity periods, shared by
/// the review pages and the /api/v1/review endpoints. The aggregate guards every transition.
/// </summary>
public sealed class FilingReviewService(SuanbeiDbContext db, TimeProvider clock, FilingNumberAllocator numbers)
{
    public WorkingCalendar Calendar => WorkingCalendar.Official;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Filings awaiting a reviewer (已提交, 一审, 二审) and those in 公示.</summary>
    public async Task<List<AlgorithmFiling>> ReviewQueueAsync(CancellationToken ct = default)
    {
        var statuses = new[] { FilingStatus.Submitted, FilingStatus.FirstReview, FilingStatus.SecondReview, FilingStatus.Publicity };
        var list = await db.Set<AlgorithmFiling>().Where(f => statuses.Contains(f.Status)).ToListAsync(ct);
        return list.OrderBy(f => f.SubmittedAt ?? f.CreatedAt).ToList();
    }

    /// <summary>For reviewers: any filing that has been submitted at least once (drafts never submitted are private).</summary>
    public Task<AlgorithmFiling?> GetForReviewAsync(Guid id, CancellationToken ct = default) =>
        db.WithChildren().FirstOrDefaultAsync(f => f.Id == id && f.SubmittedAt != null, ct);

    /// <summary>
    /// A reviewer's decision on a filing loaded with <see cref="GetForReviewAsync"/>; returns the filing as decided (a
    /// different instance only when publication had to retry after a concurrent one). Listeners such as the registry
    /// hear of a publication or published change through the aggregate's events after the save.
    /// </summary>
    public async Task<AlgorithmFiling> ReviewAsync(AlgorithmFiling f, Actor reviewer, FilingAction action, string? reason = null,
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
            case FilingAction.Publish when f.Kind == FilingKind.Change:
                f.ApproveChange(reviewer, Now, await PreviousAsync(f, ct));
                break;
            case FilingAction.Publish:
                return await numbers.PublishAsync(db, f, reviewer, Now, Calendar, ct);
            default: throw new DomainException("审核员不能执行此操作。");
        }
        await AuditTrailGuard.SaveAsync(db, ct);
        return f;
    }

    private async Task<AlgorithmFiling> PreviousAsync(AlgorithmFiling change, CancellationToken ct) =>
        await db.WithChildren().FirstAsync(x => x.Id == change.PreviousVersionId, ct);

    /// <summary>
    /// The system closes every publicity period that has ended (公示 → 已备案, actor 系统). Entries whose period could not
    /// be computed (无官方日历) are left for a reviewer. Returns how many were closed.
    /// </summary>
    public async Task<int> CloseEndedPublicityAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Date(Now);
        var due = await db.WithChildren()
            .Where(f => f.Status == FilingStatus.Publicity && f.PublicityEndsOn != null && f.PublicityEndsOn <= today).ToListAsync(ct);
        foreach (var f in due) f.CompletePublicity(Actor.System, Now);
        if (due.Count > 0) await AuditTrailGuard.SaveAsync(db, ct);
        return due.Count;
    }
}
