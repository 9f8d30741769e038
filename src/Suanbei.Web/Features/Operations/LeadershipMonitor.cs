namespace Suanbei.Web.Features.Operations;

/// <summary>
/// Asks for the lead every <see cref="Interval"/> whatever the jobs' own intervals (an hourly job would otherwise notice
/// a vanished leader only an hour later): the leader checks its connection, the others try the lock, and
/// <c>suanbei_leader</c> in /metrics is current on every node.
/// </summary>
public sealed class LeadershipMonitor(ILeadership leadership, ILogger<LeadershipMonitor> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            // An exception escaping a BackgroundService stops the host; a failed check is only "not leading" this time.
            try { await leadership.EnsureLeadingAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Checking the lead failed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
