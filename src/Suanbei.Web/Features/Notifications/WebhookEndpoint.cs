using System.Security.Cryptography;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// An account's webhook: every event the account is notified of is POSTed there, signed with <see cref="Secret"/> the
/// Standard Webhooks way (<see cref="WebhookSignature"/>). The secret is shown once, when the endpoint is registered; it
/// is stored because signing needs it.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 500;

    private WebhookEndpoint() { } // EF

    public WebhookEndpoint(string accountId, Uri url, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AccountId = accountId;
        Url = url.AbsoluteUri;
        Secret = WebhookSignature.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string AccountId { get; private set; } = "";
    public string Url { get; private set; } = "";
    /// <summary><c>whsec_</c> + base64 of 24 random bytes, as the Standard Webhooks libraries expect.</summary>
    public string Secret { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
