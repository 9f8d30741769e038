namespace Suanbei.Web.Features.Notifications;

/// <summary>Wakes this node's sender when a message was written, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _written = new(0, 1);

    public void Written()
    {
        try { _written.Release(); }
        catch (SemaphoreFullException) { } // already signalled
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _written.WaitAsync(timeout, ct);
}
