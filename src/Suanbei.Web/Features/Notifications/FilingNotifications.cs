using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Core.Subjects;
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
    public Task HandleAsync(FilingReturned e, CancellationToken ct) => NotifyAsync(e.FilingId, e.SubjectId,
        $"filing-returned:{e.FilingId:N}:{e.Round}", $"算法备案「{Name(e.Name)}」被退回补正（第 {e.Round} 次）",
        "审核员要求补正以下内容：\n" + string.Join("\n", e.Reasons.Select(r => $"· {FilingFields.Label(r.Field)}：{r.Reason.Trim()}")), ct);

    public Task HandleAsync(FilingRefused e, CancellationToken ct) => NotifyAsync(e.FilingId, e.SubjectId,
        $"filing-refused:{e.FilingId:N}", $"算法备案「{Name(e.Name)}」不予备案", $"理由：{e.Reason}", ct);

    public Task HandleAsync(FilingPublished e, CancellationToken ct) => NotifyAsync(e.FilingId, e.Facts.SubjectId,
        $"filing-published:{e.FilingId:N}", $"算法备案「{Name(e.Facts.Name)}」已通过审核并公示",
        $"备案编号 {e.Facts.Number}，公示日期 {e.PublishedOn:yyyy-MM-dd}。", ct);

    public Task HandleAsync(FilingChangePublished e, CancellationToken ct) => NotifyAsync(e.FilingId, e.Facts.SubjectId,
        $"filing-change-published:{e.FilingId:N}", $"算法备案「{Name(e.Facts.Name)}」的变更（第 {e.Revision} 版）已通过审核",
        $"备案编号 {e.Facts.Number} 的公示信息已更新，日期 {e.PublishedOn:yyyy-MM-dd}。", ct);

    /// <summary>
    /// The decisions on a subject's filings concern the organisation that owns the subject: its members
    /// (<see cref="OrganisationRecipients"/>) and its webhooks hear of them. The filing itself is not read again:
    /// publishing loads it once.
    /// </summary>
    private async Task NotifyAsync(Guid filingId, Guid subjectId, string eventKey, string title, string body, CancellationToken ct)
    {
        var owner = await db.Set<Subject>().AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.OwnerId).FirstOrDefaultAsync(ct);
        if (owner is not null) await notifier.NotifyOrganisationAsync(eventKey, owner, title, body, $"/filings/{filingId}", ct);
    }

    private static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "未命名算法" : name;
}
