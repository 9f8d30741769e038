using Npgsql;

namespace Suanbei.Web.Data;

/// <summary>
/// Listens on one PostgreSQL notification channel over a dedicated unpooled connection (nothing else runs on it;
/// keepalives notice a dead server while it only waits), reports each notification's payload and whether it is
/// listening, and reconnects a second after a failure. A cache that relies on it must not trust itself while it is
/// not listening: notifications sent meanwhile are lost.
/// </summary>
public static class PostgresListener
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Listens until <paramref name="ct"/> is cancelled, reconnecting after failures.</summary>
    public static async Task RunAsync(string connectionString, string channel, Action<string> notified, Action<bool> listening,
        ILogger log, CancellationToken ct)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, ApplicationName = "suanbei-listener-" + channel, KeepAlive = 10,
        }.ConnectionString;
        while (!ct.IsCancellationRequested)
        {
            try { await ListenAsync(unpooled, channel, notified, listening, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                log.LogWarning("Notifications on {Channel} interrupted: {Reason}", channel, e.Message);
            }
            try { await Task.Delay(RetryAfter, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Listens until the connection fails or <paramref name="ct"/> is cancelled (then throws).</summary>
    public static async Task ListenAsync(string connectionString, string channel, Action<string> notified, Action<bool> listening,
        CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => notified(e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand("LISTEN " + channel, connection))
            await listen.ExecuteNonQueryAsync(ct);
        listening(true);
        try
        {
            while (true) await connection.WaitAsync(ct);
        }
        finally { listening(false); }
    }
}
