using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Suanbei.Web.Features.Operations;

/// <summary>
/// Suanbei's own instruments (meter <see cref="MeterName"/>), beside ASP.NET Core's request duration histogram:
/// background job runs by result, the depth of each queue, and whether this node leads. A queue (the notifications
/// outbox …) reports its depth with <see cref="SetQueueDepth"/> whenever it knows it; /metrics shows the last value.
/// </summary>
public sealed class OperationsMetrics
{
    public const string MeterName = "Suanbei";

    private readonly Counter<long> _jobRuns;
    private readonly ConcurrentDictionary<string, long> _queues = new(StringComparer.Ordinal);

    public OperationsMetrics(IMeterFactory meters, ILeadership leadership)
    {
        var meter = meters.Create(MeterName);
        _jobRuns = meter.CreateCounter<long>("suanbei.background_job.runs", description: "Background job runs by job and result");
        meter.CreateObservableGauge("suanbei.queue.depth", () => _queues.Select(q =>
            new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            description: "Items waiting in each queue");
        meter.CreateObservableGauge("suanbei.leader", () => leadership.IsLeader ? 1 : 0,
            description: "1 when this node runs the background work");
    }

    public void JobRan(string job, bool succeeded) =>
        _jobRuns.Add(1, new KeyValuePair<string, object?>("job", job),
            new KeyValuePair<string, object?>("result", succeeded ? "ok" : "failed"));

    /// <summary>The number of items waiting in <paramref name="queue"/> (snake_case name, e.g. notifications_outbox).</summary>
    public void SetQueueDepth(string queue, long depth) => _queues[queue] = depth;
}
