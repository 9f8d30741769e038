namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// What one delivery attempt came to; <see cref="Error"/> is shown in the delivery log (never a secret). A
/// <see cref="Permanent"/> failure (the webhook was deleted) is not retried.
/// </summary>
public sealed record DeliveryResult(bool Succeeded, int? StatusCode, string? Error, bool Permanent = false)
{
    public static DeliveryResult Ok(int? statusCode = null) => new(true, statusCode, null);
    public static DeliveryResult Failed(int? statusCode, string error) => new(false, statusCode, error);
    public static DeliveryResult Gone(string error) => new(false, null, error, Permanent: true);
}
