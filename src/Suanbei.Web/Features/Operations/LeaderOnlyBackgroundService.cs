namespace Suanbei.Web.Features.Operations;

/// <summary>
/// A periodic job that runs on the leading node only (<see cref="ILeadership"/>): at each tick of <see cref="Interval"/>
/// the node checks it leads, then runs <see cref="RunOnceAsync"/> in a fresh scope. Runs and failures are counted in
/// <see cref="OperationsMetrics"/> under <see cref="JobName"/>; a failure is logged and retried at the next tick.
/// </summary>
public abstract class LeaderOnlyBackgroundService(IServiceScopeFactory scopes, ILeadership leadership, OperationsMetrics metrics,
    ILogger log) : BackgroundService
{
    protected ILogger Log { get; } = log;

    /// <summary>For jobs that also work outside <see cref="RunOnceAsync"/> (a long run they track themselves).</summary>
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected ILeadership Leadership { get; } = leadership;

    /// <summary>Time between two runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The job's name in metrics and logs (snake_case).</summary>
    protected abstract string JobName { get; }

    /// <summary>One run of the job, in its own scope.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await TickAsync(stoppingToken);
    }

    /// <summary>One tick: runs the job when this node leads. True when it ran and succeeded.</summary>
    public async Task<bool> TickAsync(CancellationToken ct)
    {
        try
        {
            if (!await Leadership.EnsureLeadingAsync(ct)) return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogWarning(e, "Checking the lead for {Job} failed", JobName);
            return false;
        }
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, ct);
            metrics.JobRan(JobName, succeeded: true);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.JobRan(JobName, succeeded: false);
            Log.LogWarning(e, "Background job {Job} failed; retrying in {Interval}", JobName, Interval);
            return false;
        }
    }
}
