using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The node's copy of each account's unread-notification count (the layout shows it on every page), kept only while
/// <see cref="UnreadCountListener"/> listens on PostgreSQL: every change of an account's notifications announces the
/// account on <see cref="Channel"/>, which drops the copy on every node. Without a listener (SQLite, connection down)
/// nothing is kept and the layout counts in the database as before.
/// </summary>
public sealed class UnreadCounts
{
    public const string Channel = "suanbei_notifications";
    private const int MaxAccounts = 100_000; // emptied when full

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _changes;
    private int _listeners;

    public bool Listening => Volatile.Read(ref _listeners) > 0;

    /// <summary>Changes seen so far: read before counting, handed to <see cref="Keep"/>.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public bool TryGet(string accountId, out int count)
    {
        count = 0;
        return Listening && _counts.TryGetValue(accountId, out count);
    }

    /// <summary>Keeps a count read from the database, unless a change arrived since <paramref name="seen"/>.</summary>
    public void Keep(string accountId, int count, long seen)
    {
        if (!Listening || Changes != seen) return;
        if (_counts.Count >= MaxAccounts) _counts.Clear();
        _counts[accountId] = count;
        // A change that arrived while storing may have removed the entry before it was written.
        if (Changes != seen) _counts.TryRemove(accountId, out _);
    }

    /// <summary>The account's notifications changed (announced by any node, or by this one).</summary>
    public void Changed(string accountId)
    {
        Interlocked.Increment(ref _changes);
        _counts.TryRemove(accountId, out _);
    }

    /// <summary>The listener connected or lost its connection: nothing kept so far can be trusted.</summary>
    public void SetListening(bool listening)
    {
        if (!listening) Interlocked.Decrement(ref _listeners);
        Interlocked.Increment(ref _changes);
        _counts.Clear();
        if (listening) Interlocked.Increment(ref _listeners);
    }

    /// <summary>
    /// Tells every node (this one at once) that the account's notifications changed. On PostgreSQL the notification
    /// is sent with the caller's transaction when there is one, else at once.
    /// </summary>
    public async Task AnnounceAsync(SuanbeiDbContext db, string accountId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {accountId})", ct);
        Changed(accountId);
    }
}
