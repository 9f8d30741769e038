using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox: takes due pending messages, claims each with a conditional UPDATE (only while its lease has
/// expired, so two nodes never both take it — PostgreSQL re-checks the condition after a concurrent update, SQLite
/// serialises writers), delivers it, and records the attempt. A failure is retried with exponential backoff until
/// <see cref="NotificationSettings.MaxAttempts"/>. Rows stay in the database, so a restart just picks them up again.
/// Once per <see cref="NotificationSettings.DeadlineScanInterval"/> it also runs <see cref="DeadlineReminders"/>.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, NotificationSettings settings, OutboxSignal signal, TimeProvider clock,
    ILogger<OutboxSender> log) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>Names this process in <see cref="OutboxMessage.LeaseOwner"/>.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"[..^20];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        var nextScan = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                if (clock.GetUtcNow() >= nextScan)
                {
                    nextScan = clock.GetUtcNow() + settings.DeadlineScanInterval;
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().ScanAsync(stoppingToken);
                }
                delivered = await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Delivering notifications failed; retrying in {Interval}", settings.PollInterval);
            }
            if (delivered > 0) continue; // more may be due
            try { await signal.WaitAsync(settings.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Delivers the messages due now that this node could claim; returns how many it tried.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var tried = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(db, id, ct)) continue;
            await DeliverAsync(scope.ServiceProvider, db, id, ct);
            tried++;
        }
        return tried;
    }

    private async Task<bool> ClaimAsync(SuanbeiDbContext db, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = now + settings.Lease;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.Status == DeliveryStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until).SetProperty(m => m.LeaseOwner, NodeId), ct);
        return claimed == 1;
    }

    private async Task DeliverAsync(IServiceProvider services, SuanbeiDbContext db, Guid id, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().FirstAsync(m => m.Id == id, ct);
        DeliveryResult result;
        try
        {
            result = message.Channel switch
            {
                DeliveryChannel.Email => await services.GetRequiredService<EmailSender>().SendAsync(message, ct),
                DeliveryChannel.Webhook => await services.GetRequiredService<WebhookSender>().SendAsync(message, ct),
                _ => DeliveryResult.Failed(null, $"未知的发送方式 {message.Channel}"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = DeliveryResult.Failed(null, e.Message);
        }
        var now = clock.GetUtcNow();
        var attempt = message.Attempts + 1;
        message.Record(result, now, attempt < settings.MaxAttempts && !result.Permanent ? settings.RetryAfter(attempt) : null);
        db.Add(new DeliveryAttempt(message.Id, message.Attempts, now, result.Succeeded, result.StatusCode, message.LastError));
        await db.SaveChangesAsync(CancellationToken.None); // the attempt happened: record it even while stopping
        if (!result.Succeeded)
            log.LogWarning("{Channel} delivery {Id} of {EventKey} failed (attempt {Attempt}): {Error}", message.Channel, message.Id,
                message.EventKey, message.Attempts, message.LastError);
    }
}
