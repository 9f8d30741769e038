namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// An organisation's webhook: every event about the organisation's data is POSTed there once, signed with
/// <see cref="Secret"/> the Standard Webhooks way (<see cref="WebhookSignature"/>). It belongs to the organisation, not
/// to the member who added it, so it outlives that member's membership. The secret is shown once, when it is created
/// or replaced; it is stored, encrypted (<see cref="WebhookSecrets"/>), because signing needs it.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 500;
    public const int MaxStoredSecretLength = 1000;

    private WebhookEndpoint() { } // EF

    public WebhookEndpoint(string organisationId, Uri url, string storedSecret, string createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Url = url.AbsoluteUri;
        Secret = storedSecret;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>The organisation whose events it receives (the data rows' <c>OwnerId</c>).</summary>
    public string OrganisationId { get; private set; } = "";
    public string Url { get; private set; } = "";
    /// <summary>The signing secret as stored: protected by <see cref="WebhookSecrets"/> (clear only in rows of older versions).</summary>
    public string Secret { get; private set; } = "";
    /// <summary>The account that added it (for the record only: it confers nothing).</summary>
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Set while the endpoint is paused (停用): no new event is queued for it; what is queued is still sent.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool Enabled => DisabledAt is null;

    public void ChangeUrl(Uri url) => Url = url.AbsoluteUri;

    public void ReplaceSecret(string storedSecret) => Secret = storedSecret;

    public void Disable(DateTimeOffset now) => DisabledAt ??= now;

    public void Enable() => DisabledAt = null;
}
