using Suanbei.Web.Features.Operations;

namespace Suanbei.Web.Features.Filings;

/// <summary>Hourly, on the leading node only: entries whose publicity period has ended become 已备案 (the system actor in
/// the audit trail).</summary>
public sealed class PublicityCloser(IServiceScopeFactory scopes, ILeadership leadership, OperationsMetrics metrics,
    ILogger<PublicityCloser> log) : LeaderOnlyBackgroundService(scopes, leadership, metrics, log)
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override TimeSpan Interval => Every;

    protected override string JobName => "publicity_closer";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var closed = await services.GetRequiredService<Review.FilingReviewService>().CloseEndedPublicityAsync(ct);
        if (closed > 0) Log.LogInformation("Closed the publicity period of {Count} algorithm filings", closed);
    }
}
