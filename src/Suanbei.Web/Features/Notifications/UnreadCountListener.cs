using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Notifications;

/// <summary>On PostgreSQL, listens on <see cref="UnreadCounts.Channel"/> for accounts whose notifications changed.</summary>
public sealed class UnreadCountListener(IServiceScopeFactory scopes, SuanbeiHostOptions options, UnreadCounts counts,
    ILogger<UnreadCountListener> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.UsesPostgres) return Task.CompletedTask;
        using var scope = scopes.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>().Database.GetConnectionString()!;
        return PostgresListener.RunAsync(connectionString, UnreadCounts.Channel, counts.Changed, counts.SetListening, log,
            stoppingToken);
    }
}
