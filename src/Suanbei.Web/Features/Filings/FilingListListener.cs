using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Filings;

/// <summary>On PostgreSQL, listens on <see cref="FilingListCache.Channel"/> for organisations whose filing list changed.</summary>
public sealed class FilingListListener(SuanbeiHostOptions options, FilingListCache cache, ILogger<FilingListListener> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.UsesPostgres
        ? PostgresListener.RunAsync(options.PostgresConnectionString!, FilingListCache.Channel, cache.Changed, cache.SetListening,
            log, stoppingToken)
        : Task.CompletedTask;
}
