using Npgsql;

namespace Suanbei.Web.Features.Operations;

/// <summary>
/// The leader is the node whose dedicated connection holds the session advisory lock <see cref="LockKey"/>
/// (<c>pg_try_advisory_lock</c>). PostgreSQL releases it when that connection ends — the node stopped, crashed or lost
/// the network — and the next node to ask takes it. The connection is unpooled so that nothing else ever runs on it.
/// </summary>
public sealed class PostgresLeadership(string connectionString, ILogger<PostgresLeadership> log) : ILeadership, IAsyncDisposable
{
    /// <summary>The advisory lock's key: "SUANBEI" in ASCII, unlikely to meet another application's key in one database.</summary>
    public const long LockKey = 0x53_55_41_4E_42_45_49;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _held;

    public bool IsLeader => _held is not null;

    public async Task<bool> EnsureLeadingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_held is { } held)
            {
                try
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", held);
                    await ping.ExecuteScalarAsync(ct);
                    return true;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    log.LogWarning("Lost the leader's database connection; another node may lead now");
                    await DropAsync();
                }
            }
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
            {
                Pooling = false, ApplicationName = "suanbei-leader", KeepAlive = 10,
            }.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                take.Parameters.AddWithValue("key", LockKey);
                if (await take.ExecuteScalarAsync(ct) is true)
                {
                    _held = connection;
                    log.LogInformation("This node leads the background work");
                    return true;
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogWarning("Could not ask for the lead: {Reason}", e.Message);
            }
            await connection.DisposeAsync();
            return false;
        }
        finally { _gate.Release(); }
    }

    private async Task DropAsync()
    {
        if (_held is null) return;
        try { await _held.DisposeAsync(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { /* already broken */ }
        _held = null;
    }

    /// <summary>Gives the lead up at once (closing the connection releases the lock), so another node takes it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try { await DropAsync(); }
        finally { _gate.Release(); }
    }
}
