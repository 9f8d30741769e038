using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// An organisation's webhooks, shared by the page and the API. Every query is scoped to the organisation the actor acts
/// for, so another organisation's endpoint is "not found"; every change needs <see cref="MemberRoles.MayManageWebhooks"/>
/// and writes a <see cref="WebhookChange"/> in the same save, naming the member.
/// </summary>
public sealed class OrganisationWebhooks(SuanbeiDbContext db, TimeProvider clock, OutboundAddressGuard guard, WebhookSecrets secrets,
    Notifier notifier)
{
    public const string AddressField = "接收地址";
    public const int ChangesShown = 50;
    /// <summary>The webhook body's <c>type</c> of a test call (发送测试).</summary>
    public const string TestEventKind = "webhook-test";

    public Task<List<WebhookEndpoint>> ListAsync(string organisationId, CancellationToken ct = default) =>
        db.Set<WebhookEndpoint>().AsNoTracking().Where(w => w.OrganisationId == organisationId).OrderBy(w => w.CreatedAt).ToListAsync(ct);

    public Task<string?> OrganisationNameAsync(string organisationId, CancellationToken ct = default) =>
        db.Set<Organisation>().AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);

    public Task<WebhookEndpoint?> GetAsync(string organisationId, Guid id, CancellationToken ct = default) =>
        db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(w => w.OrganisationId == organisationId && w.Id == id, ct);

    /// <summary>The organisation's latest changes to its webhooks, newest first.</summary>
    public Task<List<WebhookChange>> ChangesAsync(string organisationId, CancellationToken ct = default) =>
        db.Set<WebhookChange>().AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .OrderByDescending(c => c.At).Take(ChangesShown).ToListAsync(ct);

    /// <summary>The calls to the organisation's webhooks (deleted ones included), newest first, with their attempts.</summary>
    public Task<List<(OutboxMessage Message, List<DeliveryAttempt> Attempts)>> DeliveriesAsync(string organisationId,
        CancellationToken ct = default) =>
        NotificationCenter.WithAttemptsAsync(db, db.Set<OutboxMessage>()
            .Where(m => m.Channel == DeliveryChannel.Webhook && m.OrganisationId == organisationId), ct);

    public async Task<WebhookResult> AddAsync(WebhookActor actor, string? url, CancellationToken ct = default)
    {
        if (!actor.MayManage) return WebhookResult.Forbidden;
        var (uri, error) = CheckAddress(url);
        if (uri is null) return new(WebhookOutcome.Invalid, Error: error);
        var (secret, stored) = secrets.Create();
        var endpoint = new WebhookEndpoint(actor.OrganisationId, uri, stored, actor.UserId, clock.GetUtcNow());
        db.Add(endpoint);
        Record(endpoint, WebhookAction.Added, actor, null);
        await db.SaveChangesAsync(ct);
        return new(WebhookOutcome.Done, endpoint, secret);
    }

    public Task<WebhookResult> ChangeAddressAsync(WebhookActor actor, Guid id, string? url, CancellationToken ct = default) =>
        ChangeAsync(actor, id, ct, endpoint =>
        {
            var (uri, error) = CheckAddress(url);
            if (uri is null) return new(WebhookOutcome.Invalid, endpoint, Error: error);
            var before = endpoint.Url;
            endpoint.ChangeUrl(uri);
            if (endpoint.Url == before) return new(WebhookOutcome.Done, endpoint);
            Record(endpoint, WebhookAction.AddressChanged, actor, $"原地址：{before}");
            return new(WebhookOutcome.Done, endpoint);
        });

    /// <summary>A new signing secret (shown once); the old one stops signing at once, so receivers must switch to it.</summary>
    public Task<WebhookResult> RotateSecretAsync(WebhookActor actor, Guid id, CancellationToken ct = default) =>
        ChangeAsync(actor, id, ct, endpoint =>
        {
            var (secret, stored) = secrets.Create();
            endpoint.ReplaceSecret(stored);
            Record(endpoint, WebhookAction.SecretRotated, actor, null);
            return new(WebhookOutcome.Done, endpoint, secret);
        });

    public Task<WebhookResult> SetEnabledAsync(WebhookActor actor, Guid id, bool enabled, CancellationToken ct = default) =>
        ChangeAsync(actor, id, ct, endpoint =>
        {
            if (endpoint.Enabled == enabled) return new(WebhookOutcome.Done, endpoint);
            if (enabled) endpoint.Enable();
            else endpoint.Disable(clock.GetUtcNow());
            Record(endpoint, enabled ? WebhookAction.Enabled : WebhookAction.Disabled, actor, null);
            return new(WebhookOutcome.Done, endpoint);
        });

    /// <summary>Deletes the endpoint; calls still queued for it are given up by the sender (该 Webhook 已删除).</summary>
    public Task<WebhookResult> DeleteAsync(WebhookActor actor, Guid id, CancellationToken ct = default) =>
        ChangeAsync(actor, id, ct, endpoint =>
        {
            db.Remove(endpoint);
            Record(endpoint, WebhookAction.Deleted, actor, null);
            return new(WebhookOutcome.Done, endpoint);
        });

    /// <summary>Queues a test call (发送测试) to the endpoint, paused or not; the delivery log shows how it went.</summary>
    public async Task<WebhookResult> SendTestAsync(WebhookActor actor, Guid id, CancellationToken ct = default)
    {
        var result = await ChangeAsync(actor, id, ct, endpoint =>
        {
            Record(endpoint, WebhookAction.TestSent, actor, null);
            return new(WebhookOutcome.Done, endpoint);
        });
        if (result.Outcome != WebhookOutcome.Done) return result;
        await notifier.WebhookAsync($"{TestEventKind}:{id:N}:{Guid.NewGuid():N}", actor.OrganisationId, id, "Webhook 测试",
            $"这是{actor.Name}发送的测试调用，无需处理。", "/notifications/webhooks", ct);
        return result;
    }

    private async Task<WebhookResult> ChangeAsync(WebhookActor actor, Guid id, CancellationToken ct,
        Func<WebhookEndpoint, WebhookResult> change)
    {
        var endpoint = await db.Set<WebhookEndpoint>().FirstOrDefaultAsync(w => w.OrganisationId == actor.OrganisationId && w.Id == id, ct);
        if (endpoint is null) return WebhookResult.NotFound;
        if (!actor.MayManage) return WebhookResult.Forbidden;
        var result = change(endpoint);
        if (result.Outcome == WebhookOutcome.Done) await db.SaveChangesAsync(ct);
        return result;
    }

    private void Record(WebhookEndpoint endpoint, WebhookAction action, WebhookActor actor, string? detail) =>
        db.Add(new WebhookChange(endpoint, action, actor.UserId, Clip(actor.Name, 400), detail is null ? null
            : Clip(detail, WebhookChange.MaxDetailLength), clock.GetUtcNow()));

    private (Uri? Uri, string? Error) CheckAddress(string? url) =>
        url?.Trim().Length > WebhookEndpoint.MaxUrlLength
            ? (null, $"「{AddressField}」不能超过 {WebhookEndpoint.MaxUrlLength} 个字符")
            : guard.CheckUrl(url, AddressField);

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
