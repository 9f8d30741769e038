namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// An account's webhook: every event the account is notified of is POSTed there, signed with <see cref="Secret"/> the
/// Standard Webhooks way (<see cref="WebhookSignature"/>). The secret is shown once, when the endpoint is registered; it
/// is stored, encrypted (<see cref="WebhookSecrets"/>), because signing needs it.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 500;
    public const int MaxStoredSecretLength = 1000;

    private WebhookEndpoint() { } // EF

    public WebhookEndpoint(string accountId, Uri url, string storedSecret, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AccountId = accountId;
        Url = url.AbsoluteUri;
        Secret = storedSecret;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string AccountId { get; private set; } = "";
    public string Url { get; private set; } = "";
    /// <summary>The signing secret as stored: protected by <see cref="WebhookSecrets"/> (clear only in rows of older versions).</summary>
    public string Secret { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
