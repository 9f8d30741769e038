using Npgsql;

namespace Suanbei.Web.Data;

/// <summary>
/// On PostgreSQL, listens on every registered <see cref="PostgresChannel"/> over one dedicated unpooled connection per
/// node (nothing else runs on it; keepalives notice a dead server while it only waits), hands each notification to its
/// channel's copy, tells every copy whether the node listens, and reconnects a second after a failure. Notifications
/// sent while the connection is down are lost, so every copy stops trusting itself until it is up again.
/// <paramref name="connectionString"/> null (SQLite): nothing to listen on, every copy reads the database.
/// </summary>
public sealed class PostgresListener(string? connectionString, IEnumerable<PostgresChannel> channels,
    ILogger<PostgresListener> log) : BackgroundService
{
    /// <summary>The listening connection's <c>application_name</c> (one per node, in <c>pg_stat_activity</c>).</summary>
    public const string ApplicationName = "suanbei-listener";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => connectionString is not null
        ? RunAsync(connectionString, [.. channels], log, stoppingToken)
        : Task.CompletedTask;

    /// <summary>Listens until <paramref name="ct"/> is cancelled, reconnecting after failures.</summary>
    public static async Task RunAsync(string connectionString, IReadOnlyList<PostgresChannel> channels, ILogger log,
        CancellationToken ct)
    {
        if (channels.Count == 0) return;
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, ApplicationName = ApplicationName, KeepAlive = 10,
        }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try { await ListenAsync(unpooled, channels, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                log.LogWarning("Notifications interrupted: {Reason}", e.Message);
            }
            try { await Task.Delay(RetryAfter, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Listens until the connection fails or <paramref name="ct"/> is cancelled (then throws).</summary>
    public static async Task ListenAsync(string connectionString, IReadOnlyList<PostgresChannel> channels, CancellationToken ct)
    {
        var byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        // Runs on the thread that reads the connection: each copy only drops keys, nothing here waits.
        connection.Notification += (_, e) =>
        {
            if (byName.TryGetValue(e.Channel, out var channel)) channel.Notified(e.Payload);
        };
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand(string.Concat(byName.Keys.Select(n => "LISTEN " + n + ";")), connection))
            await listen.ExecuteNonQueryAsync(ct);
        foreach (var channel in channels) channel.Listening(true);
        try
        {
            while (true) await connection.WaitAsync(ct);
        }
        finally
        {
            foreach (var channel in channels) channel.Listening(false);
        }
    }
}
