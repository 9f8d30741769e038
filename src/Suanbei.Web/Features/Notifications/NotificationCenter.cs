using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// An account's notification centre and delivery log, always filtered by the account (another's id is not found) and,
/// for webhook calls, by the organisation it acts for.
/// </summary>
public sealed class NotificationCenter(SuanbeiDbContext db, TimeProvider clock, UnreadCounts counts)
{
    public const int PageSize = 100;

    public Task<int> UnreadCountAsync(string accountId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.AccountId == accountId && n.ReadAt == null, ct);

    /// <summary>
    /// The count the layout shows beside 通知. Never fails the page: the layout also renders the error pages, which must
    /// show while the database is down. Served from <see cref="UnreadCounts"/> while its listener runs.
    /// </summary>
    public async Task<int> UnreadForLayoutAsync(string? accountId)
    {
        if (accountId is null) return 0;
        if (counts.TryGet(accountId, out var kept)) return kept;
        try
        {
            var seen = counts.Changes;
            var count = await UnreadCountAsync(accountId);
            counts.Keep(accountId, count, seen);
            return count;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException) { return 0; }
    }

    public Task<List<Notification>> LatestAsync(string accountId, CancellationToken ct = default) =>
        db.Set<Notification>().AsNoTracking().Where(n => n.AccountId == accountId)
            .OrderByDescending(n => n.CreatedAt).Take(PageSize).ToListAsync(ct);

    /// <summary>Marks one entry read (or all when <paramref name="id"/> is null); false when the entry is not the account's.</summary>
    public async Task<bool> MarkReadAsync(string accountId, Guid? id, CancellationToken ct = default)
    {
        var unread = await db.Set<Notification>()
            .Where(n => n.AccountId == accountId && n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        if (id is { } one && unread.Count == 0 && !await db.Set<Notification>().AnyAsync(n => n.AccountId == accountId && n.Id == one, ct))
            return false;
        var now = clock.GetUtcNow();
        foreach (var n in unread) n.MarkRead(now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await counts.AnnounceAsync(db, accountId, ct);
        await tx.CommitAsync(ct);
        counts.Changed(accountId); // after the commit: a count read meanwhile on this node is not kept
        return true;
    }

    /// <summary>
    /// The delivery log, newest first, with every attempt: the e-mails sent to the account, and the calls to the webhooks
    /// of the organisation it acts for (the organisation's, so every member sees the same calls).
    /// </summary>
    public Task<List<(OutboxMessage Message, List<DeliveryAttempt> Attempts)>> DeliveriesAsync(string accountId,
        string organisationId, CancellationToken ct = default) =>
        WithAttemptsAsync(db, db.Set<OutboxMessage>()
            .Where(m => (m.Channel == DeliveryChannel.Webhook && m.OrganisationId == organisationId)
                || (m.Channel == DeliveryChannel.Email && m.AccountId == accountId)), ct);

    /// <summary>The latest <see cref="PageSize"/> of <paramref name="messages"/>, newest first, each with its attempts.</summary>
    public static async Task<List<(OutboxMessage Message, List<DeliveryAttempt> Attempts)>> WithAttemptsAsync(SuanbeiDbContext db,
        IQueryable<OutboxMessage> messages, CancellationToken ct)
    {
        var latest = await messages.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(PageSize).ToListAsync(ct);
        var ids = latest.Select(m => m.Id).ToList();
        var attempts = await db.Set<DeliveryAttempt>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(ct);
        return latest.Select(m => (m, attempts.Where(a => a.MessageId == m.Id).OrderBy(a => a.Number).ToList())).ToList();
    }
}
