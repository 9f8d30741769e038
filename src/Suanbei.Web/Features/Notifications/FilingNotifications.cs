using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Tells the people behind a filing what the reviewers decided: returned with reasons, refused, published (an
/// initial filing approved with its number) and a change approved. Event keys name the filing and, for a return,
/// its round, so each decision reaches each recipient once.
/// </summary>
public sealed class FilingNotifications(SuanbeiDbContext db, Notifier notifier)
    : IDomainEventHandler<FilingReturned>, IDomainEventHandler<FilingRefused>, IDomainEventHandler<FilingPublished>,
        IDomainEventHandler<FilingChangePublished>
{
    public Task HandleAsync(FilingReturned e, CancellationToken ct) => NotifyAsync(e.FilingId, $"filing-returned:{e.FilingId:N}:{e.Round}",
        $"算法备案「{Name(e.Name)}」被退回补正（第 {e.Round} 次）",
        "审核员要求补正以下内容：\n" + string.Join("\n", e.Reasons.Select(r => $"· {FilingFields.Label(r.Field)}：{r.Reason.Trim()}")), ct);

    public Task HandleAsync(FilingRefused e, CancellationToken ct) => NotifyAsync(e.FilingId, $"filing-refused:{e.FilingId:N}",
        $"算法备案「{Name(e.Name)}」不予备案", $"理由：{e.Reason}", ct);

    public Task HandleAsync(FilingPublished e, CancellationToken ct) => NotifyAsync(e.FilingId, $"filing-published:{e.FilingId:N}",
        $"算法备案「{Name(e.Facts.Name)}」已通过审核并公示", $"备案编号 {e.Facts.Number}，公示日期 {e.PublishedOn:yyyy-MM-dd}。", ct);

    public Task HandleAsync(FilingChangePublished e, CancellationToken ct) => NotifyAsync(e.FilingId,
        $"filing-change-published:{e.FilingId:N}", $"算法备案「{Name(e.Facts.Name)}」的变更（第 {e.Revision} 版）已通过审核",
        $"备案编号 {e.Facts.Number} 的公示信息已更新，日期 {e.PublishedOn:yyyy-MM-dd}。", ct);

    private async Task NotifyAsync(Guid filingId, string eventKey, string title, string body, CancellationToken ct)
    {
        foreach (var account in await RecipientsAsync(db, filingId, ct))
            await notifier.NotifyAccountAsync(eventKey, account, title, body, $"/filings/{filingId}", ct);
    }

    /// <summary>
    /// Who hears of a filing's decisions: today the account that owns it. The one place to change when subjects become
    /// organisations with members (then: the subject's members with the roles that should hear).
    /// </summary>
    public static async Task<IReadOnlyList<string>> RecipientsAsync(SuanbeiDbContext db, Guid filingId, CancellationToken ct) =>
        await db.Set<AlgorithmFiling>().AsNoTracking().Where(f => f.Id == filingId).Select(f => f.OwnerUserId).ToListAsync(ct);

    private static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "未命名算法" : name;
}
