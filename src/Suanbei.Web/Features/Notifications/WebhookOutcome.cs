namespace Suanbei.Web.Features.Notifications;

/// <summary>How a change to a webhook ended; pages and the API turn it into a page, 403, 404 or a field error.</summary>
public enum WebhookOutcome
{
    Done,
    /// <summary>No such endpoint in the organisation acted for (another organisation's is not found either).</summary>
    NotFound,
    /// <summary>The member may see the organisation's webhooks but not manage them.</summary>
    Forbidden,
    /// <summary>The address is refused; <see cref="WebhookResult.Error"/> says why, naming the field.</summary>
    Invalid,
}
