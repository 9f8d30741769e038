namespace Suanbei.Web.Features.Notifications;

/// <summary>Where an outbox message stands: waiting (first try or a retry), delivered, or given up after the last attempt.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}
