using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// On PostgreSQL, listens on <see cref="RegistrySearchIndex.Channel"/> so the node's search index learns of every
/// registry change when it commits, on whichever node or process made it; searches then need no version read. While
/// the connection is down (or never came up), every search reads the version as on SQLite, so a lost notification can
/// only cost queries, never a stale answer.
/// </summary>
public sealed class RegistryChangeListener(IServiceScopeFactory scopes, SuanbeiHostOptions options,
    ILogger<RegistryChangeListener> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.UsesPostgres) return Task.CompletedTask;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        var index = RegistrySearchIndex.For(db);
        return PostgresListener.RunAsync(db.Database.GetConnectionString()!, RegistrySearchIndex.Channel,
            _ => index.Changed(), index.SetListening, log, stoppingToken);
    }
}
