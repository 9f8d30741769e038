namespace Suanbei.Web.Features.Notifications;

/// <summary>One try at delivering an <see cref="OutboxMessage"/>, for the delivery log.</summary>
public sealed class DeliveryAttempt
{
    private DeliveryAttempt() { } // EF

    public DeliveryAttempt(Guid messageId, int number, DateTimeOffset at, bool succeeded, int? statusCode, string? error)
    {
        Id = Guid.NewGuid();
        MessageId = messageId;
        Number = number;
        At = at;
        Succeeded = succeeded;
        StatusCode = statusCode;
        Error = error;
    }

    public Guid Id { get; private set; }
    public Guid MessageId { get; private set; }
    /// <summary>1 for the first try.</summary>
    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public bool Succeeded { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
}
