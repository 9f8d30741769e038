namespace Suanbei.Web.Features.Notifications;

/// <summary>A webhook as the API shows it; <see cref="Secret"/> only in the answer that created it (added or rotated).</summary>
public sealed record WebhookResponse(Guid Id, string Url, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt,
    string? Secret)
{
    public static WebhookResponse From(WebhookEndpoint w, string? secret = null) =>
        new(w.Id, w.Url, w.Enabled, w.CreatedAt, w.DisabledAt, secret);
}
