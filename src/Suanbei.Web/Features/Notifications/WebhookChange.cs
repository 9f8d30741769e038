using Suanbei.Core.Filings;
using Suanbei.Core.Organisations;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// One line of an organisation's webhook change record (变更记录): who (the member, and for a consultancy on whose
/// behalf) did what to which endpoint, when. Append-only; it outlives the endpoint, so a deletion stays on record.
/// </summary>
public sealed class WebhookChange : IAppendOnly
{
    public const int MaxDetailLength = 1100;

    private WebhookChange() { } // EF

    public WebhookChange(WebhookEndpoint endpoint, WebhookAction action, string actorUserId, string actorName, string? detail,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrganisationId = endpoint.OrganisationId;
        EndpointId = endpoint.Id;
        Url = endpoint.Url;
        Action = action;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Detail = detail;
        At = now;
    }

    public Guid Id { get; private set; }
    public string OrganisationId { get; private set; } = "";
    public Guid EndpointId { get; private set; }
    /// <summary>The endpoint's address after the change (before it, for a deletion).</summary>
    public string Url { get; private set; } = "";
    public WebhookAction Action { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Detail { get; private set; }
    public DateTimeOffset At { get; private set; }
}
