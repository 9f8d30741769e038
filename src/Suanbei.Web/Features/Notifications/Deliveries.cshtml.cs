using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// 发送记录: the account's e-mails and the calls to the acting organisation's webhooks, with every attempt (time, HTTP
/// status, error). Read-only, so every member sees the organisation's calls.
/// </summary>
[Authorize]
public sealed class DeliveriesModel(NotificationCenter center, OrganisationWebhooks webhooks) : PageModel
{
    public List<(OutboxMessage Message, List<DeliveryAttempt> Attempts)> Deliveries { get; private set; } = [];
    public Dictionary<string, string> WebhookUrls { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Deliveries = await center.DeliveriesAsync(User.UserId(), User.OrganisationId(), HttpContext.RequestAborted);
        WebhookUrls = (await webhooks.ListAsync(User.OrganisationId(), HttpContext.RequestAborted))
            .ToDictionary(w => w.Id.ToString("N"), w => w.Url);
    }

    public static string StatusClass(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Delivered => "ok",
        DeliveryStatus.Failed => "bad",
        _ => "warn",
    };

    /// <summary>Where a message goes, as a person reads it: the address, the webhook's URL, or 已删除的 Webhook.</summary>
    public string TargetOf(OutboxMessage m) =>
        m.Channel == DeliveryChannel.Webhook ? WebhookUrls.GetValueOrDefault(m.Target, "已删除的 Webhook") : m.Target;
}
