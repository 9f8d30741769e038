namespace Suanbei.Web.Features.Notifications;

/// <summary>The body of adding a webhook or changing its address.</summary>
public sealed record WebhookRequest(string? Url);
