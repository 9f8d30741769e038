namespace Suanbei.Web.Features.Notifications;

/// <summary>A webhook just added and its signing secret in clear, which is shown to the person this once.</summary>
public sealed record WebhookRegistration(WebhookEndpoint Endpoint, string Secret);
