using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The one way to notify someone. It only writes rows (in its own database scope, so a caller's unsaved changes are
/// never saved with them, and a caller's failed save never loses them): an entry in each account's notification centre,
/// and outbox messages for e-mail (when SMTP is configured) and, for an organisation's events, for each of the
/// organisation's webhooks, which <see cref="OutboxSender"/> delivers with retries. The event key names the event
/// ("filing-returned:…"); reporting the same event again for the same recipient changes nothing, so callers may repeat
/// themselves safely.
/// </summary>
public sealed class Notifier(IServiceScopeFactory scopes, NotificationSettings settings, OutboxSignal signal, TimeProvider clock,
    UnreadCounts counts, ILogger<Notifier> log)
{
    public const int MaxEventKeyLength = 200;

    /// <summary>An e-mail to an address that may have no account (an invitation). Does nothing while e-mail is off.</summary>
    public async Task EmailAsync(string eventKey, string address, string title, string body, string? link, CancellationToken ct)
    {
        CheckKey(eventKey);
        if (settings.Smtp is null)
        {
            log.LogWarning("E-mail is off (no Suanbei:Smtp:Host); {EventKey} was not mailed", eventKey);
            return;
        }
        var target = NormaliseAddress(address);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var now = clock.GetUtcNow();
        if (await AddOnceAsync(db, new OutboxMessage(eventKey, DeliveryChannel.Email, target, null, title, body, link, now),
                m => m.EventKey == eventKey && m.Channel == DeliveryChannel.Email && m.Target == target, ct))
            signal.Written();
    }

    /// <summary>
    /// Notifies an account of an event that is its own: its notification centre and its e-mail address (when e-mail is
    /// on). Organisation webhooks never hear of it. An unknown account is logged and skipped.
    /// </summary>
    public async Task NotifyAccountAsync(string eventKey, string accountId, string title, string body, string? link, CancellationToken ct)
    {
        CheckKey(eventKey);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        if (await ToAccountAsync(db, eventKey, accountId, title, body, link, ct)) signal.Written();
    }

    /// <summary>
    /// Notifies an organisation of an event about its data: each member who may act on it (<see cref="OrganisationRecipients"/>)
    /// as <see cref="NotifyAccountAsync"/> does, and each of the organisation's enabled webhooks once — however many
    /// members it has and however often the event is reported.
    /// </summary>
    public async Task NotifyOrganisationAsync(string eventKey, string organisationId, string title, string body, string? link,
        CancellationToken ct)
    {
        CheckKey(eventKey);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var written = false;
        foreach (var account in await OrganisationRecipients.OfAsync(db, organisationId, ct))
            written |= await ToAccountAsync(db, eventKey, account, title, body, link, ct);
        var hooks = await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(w => w.OrganisationId == organisationId && w.DisabledAt == null).Select(w => w.Id).ToListAsync(ct);
        foreach (var hook in hooks)
            written |= await ToWebhookAsync(db, eventKey, organisationId, hook, title, body, link, ct);
        if (written) signal.Written();
    }

    /// <summary>Queues one call to one of the organisation's webhooks (a test call); false when it was queued before.</summary>
    public async Task<bool> WebhookAsync(string eventKey, string organisationId, Guid endpointId, string title, string body,
        string? link, CancellationToken ct)
    {
        CheckKey(eventKey);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var written = await ToWebhookAsync(db, eventKey, organisationId, endpointId, title, body, link, ct);
        if (written) signal.Written();
        return written;
    }

    private async Task<bool> ToAccountAsync(SuanbeiDbContext db, string eventKey, string accountId, string title, string body,
        string? link, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == accountId).Select(u => new { u.Email }).FirstOrDefaultAsync(ct);
        if (account is null)
        {
            log.LogWarning("No account {AccountId} to notify of {EventKey}", accountId, eventKey);
            return false;
        }
        var now = clock.GetUtcNow();
        // Announced right after the insert's commit (its duplicate check needs the insert in a transaction of its own).
        if (await AddOnceAsync(db, new Notification(accountId, eventKey, title, body, link, now),
                n => n.AccountId == accountId && n.EventKey == eventKey, ct))
            await counts.AnnounceAsync(db, accountId, ct);
        if (settings.Smtp is null || string.IsNullOrWhiteSpace(account.Email)) return false;
        var target = NormaliseAddress(account.Email);
        var mail = new OutboxMessage(eventKey, DeliveryChannel.Email, target, accountId, title, body, link, now);
        return await AddOnceAsync(db, mail, m => m.EventKey == eventKey && m.Channel == DeliveryChannel.Email && m.Target == target, ct);
    }

    private Task<bool> ToWebhookAsync(SuanbeiDbContext db, string eventKey, string organisationId, Guid endpointId, string title,
        string body, string? link, CancellationToken ct)
    {
        var target = endpointId.ToString("N");
        var call = new OutboxMessage(eventKey, DeliveryChannel.Webhook, target, null, title, body, link, clock.GetUtcNow(),
            organisationId);
        return AddOnceAsync(db, call, m => m.EventKey == eventKey && m.Channel == DeliveryChannel.Webhook && m.Target == target, ct);
    }

    /// <summary>
    /// Inserts <paramref name="row"/> unless a row with the same key exists; true when it was inserted. Two nodes
    /// reporting the same event at once both pass the check, and the unique index lets only one of them in.
    /// </summary>
    private static async Task<bool> AddOnceAsync<T>(SuanbeiDbContext db, T row, Expression<Func<T, bool>> sameKey, CancellationToken ct)
        where T : class
    {
        if (await db.Set<T>().AnyAsync(sameKey, ct)) return false;
        var entry = db.Set<T>().Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            if (await db.Set<T>().AsNoTracking().AnyAsync(sameKey, ct)) return false;
            throw;
        }
    }

    private static string NormaliseAddress(string address) => address.Trim().ToLowerInvariant();

    private static void CheckKey(string eventKey)
    {
        if (string.IsNullOrWhiteSpace(eventKey) || eventKey.Length > MaxEventKeyLength)
            throw new ArgumentException($"an event key of 1–{MaxEventKeyLength} characters is required", nameof(eventKey));
    }
}
