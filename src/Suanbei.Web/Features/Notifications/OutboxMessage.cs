namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// One message to deliver outside the system: an e-mail to an address or a webhook call to an endpoint. Written in the
/// database before anything is sent (the outbox), so it survives a restart; (<see cref="EventKey"/>,
/// <see cref="Channel"/>, <see cref="Target"/>) is unique, so an event reaches a recipient on a channel once.
/// A sender claims the row by setting <see cref="LeaseUntil"/> with a conditional update; while the lease runs no
/// other node touches it, and a node that dies mid-delivery leaves a lease that simply expires.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { } // EF

    public OutboxMessage(string eventKey, DeliveryChannel channel, string target, string? accountId, string title, string body,
        string? link, DateTimeOffset now, string? organisationId = null)
    {
        Id = Guid.NewGuid();
        EventKey = eventKey;
        Channel = channel;
        Target = target;
        AccountId = accountId;
        OrganisationId = organisationId;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public string EventKey { get; private set; } = "";
    public DeliveryChannel Channel { get; private set; }
    /// <summary>The e-mail address, or the webhook endpoint's id.</summary>
    public string Target { get; private set; } = "";
    /// <summary>
    /// The account an e-mail was sent for (its delivery log), or null for an address without an account (an invitation)
    /// and for webhook calls, which are the organisation's.
    /// </summary>
    public string? AccountId { get; private set; }
    /// <summary>For a webhook call, the organisation whose endpoint it goes to (its delivery log); null for e-mail.</summary>
    public string? OrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    /// <summary>The HTTP status of the last webhook attempt (null for e-mail and for a call that got no answer).</summary>
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// Records an attempt and releases the lease: delivered, or pending again after <paramref name="retryAfter"/>, or
    /// failed for good when <paramref name="retryAfter"/> is null (no attempts left).
    /// </summary>
    public void Record(DeliveryResult result, DateTimeOffset now, TimeSpan? retryAfter)
    {
        Attempts++;
        LastStatusCode = result.StatusCode;
        LastError = result.Error is { Length: > 1000 } e ? e[..1000] : result.Error;
        LeaseUntil = null;
        LeaseOwner = null;
        if (result.Succeeded)
        {
            Status = DeliveryStatus.Delivered;
            DeliveredAt = now;
        }
        else if (retryAfter is { } wait) NextAttemptAt = now + wait;
        else Status = DeliveryStatus.Failed;
    }
}
