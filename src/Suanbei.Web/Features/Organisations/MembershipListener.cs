using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Organisations;

/// <summary>On PostgreSQL, listens on <see cref="MembershipCache.Channel"/> for accounts whose memberships changed.</summary>
public sealed class MembershipListener(SuanbeiHostOptions options, MembershipCache cache, ILogger<MembershipListener> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.UsesPostgres
        ? PostgresListener.RunAsync(options.PostgresConnectionString!, MembershipCache.Channel, cache.Changed, cache.SetListening,
            log, stoppingToken)
        : Task.CompletedTask;
}
