namespace Suanbei.Web.Features.Notifications;

/// <summary>How an outbox message leaves the system (the in-app centre needs no delivery).</summary>
public enum DeliveryChannel
{
    Email = 1,
    Webhook = 2,
}
