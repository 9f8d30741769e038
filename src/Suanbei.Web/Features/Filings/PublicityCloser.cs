namespace Suanbei.Web.Features.Filings;

/// <summary>Hourly: entries whose publicity period has ended become 已备案 (the system actor in the audit trail).</summary>
public sealed class PublicityCloser(IServiceScopeFactory scopes, ILogger<PublicityCloser> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var review = scope.ServiceProvider.GetRequiredService<Review.FilingReviewService>();
                var closed = await review.CloseEndedPublicityAsync(stoppingToken);
                if (closed > 0) log.LogInformation("Closed the publicity period of {Count} algorithm filings", closed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Closing publicity periods failed; retrying in {Interval}", Interval);
            }
        }
    }
}
