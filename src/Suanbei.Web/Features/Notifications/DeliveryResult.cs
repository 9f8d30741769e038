namespace Suanbei.Web.Features.Notifications;

/// <summary>What one delivery attempt came to; <see cref="Error"/> is shown in the delivery log (never a secret).</summary>
public sealed record DeliveryResult(bool Succeeded, int? StatusCode, string? Error)
{
    public static DeliveryResult Ok(int? statusCode = null) => new(true, statusCode, null);
    public static DeliveryResult Failed(int? statusCode, string error) => new(false, statusCode, error);
}
