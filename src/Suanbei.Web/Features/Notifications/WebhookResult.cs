namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The end of a webhook change: the endpoint as it is now, and the signing secret in clear when one was just created
/// (added or rotated) — shown to the person this once.
/// </summary>
public sealed record WebhookResult(WebhookOutcome Outcome, WebhookEndpoint? Endpoint = null, string? Secret = null, string? Error = null)
{
    public static readonly WebhookResult NotFound = new(WebhookOutcome.NotFound);
    public static readonly WebhookResult Forbidden = new(WebhookOutcome.Forbidden);
}
