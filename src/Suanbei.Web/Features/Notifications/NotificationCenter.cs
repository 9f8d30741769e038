using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;

namespace Suanbei.Web.Features.Notifications;

/// <summary>An account's notification centre and delivery log, always filtered by the account (another's id is not found).</summary>
public sealed class NotificationCenter(SuanbeiDbContext db, TimeProvider clock, OutboundAddressGuard guard,
    WebhookSecrets secrets, UnreadCounts counts)
{
    public const int PageSize = 100;
    public const string AddressField = "接收地址";

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

    /// <summary>The account's latest outbox messages with their attempts, newest first.</summary>
    public async Task<List<(OutboxMessage Message, List<DeliveryAttempt> Attempts)>> DeliveriesAsync(string accountId,
        CancellationToken ct = default)
    {
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.AccountId == accountId)
            .OrderByDescending(m => m.CreatedAt).Take(PageSize).ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var attempts = await db.Set<DeliveryAttempt>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(ct);
        return messages.Select(m => (m, attempts.Where(a => a.MessageId == m.Id).OrderBy(a => a.Number).ToList())).ToList();
    }

    public Task<List<WebhookEndpoint>> WebhooksAsync(string accountId, CancellationToken ct = default) =>
        db.Set<WebhookEndpoint>().AsNoTracking().Where(w => w.AccountId == accountId).OrderBy(w => w.CreatedAt).ToListAsync(ct);

    /// <summary>Registers a webhook; returns it with its secret (shown once) or the Chinese reason the address is refused.</summary>
    public async Task<(WebhookRegistration? Registration, string? Error)> AddWebhookAsync(string accountId, string? url,
        CancellationToken ct = default)
    {
        if (url?.Trim().Length > WebhookEndpoint.MaxUrlLength) return (null, $"「{AddressField}」不能超过 {WebhookEndpoint.MaxUrlLength} 个字符");
        var (uri, error) = guard.CheckUrl(url, AddressField);
        if (uri is null) return (null, error);
        var (secret, stored) = secrets.Create();
        var endpoint = new WebhookEndpoint(accountId, uri, stored, clock.GetUtcNow());
        db.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return (new WebhookRegistration(endpoint, secret), null);
    }

    public async Task<bool> RemoveWebhookAsync(string accountId, Guid id, CancellationToken ct = default) =>
        await db.Set<WebhookEndpoint>().Where(w => w.AccountId == accountId && w.Id == id).ExecuteDeleteAsync(ct) == 1;
}
