using System.Collections.Concurrent;

namespace Suanbei.Web.Data;

/// <summary>
/// A node's copy of per-key values read from the database, trusted only while a <see cref="PostgresListener"/> listens on
/// the channel that announces their changes: every announced key is dropped on every node (an empty key drops them
/// all), and nothing is kept while the listener is down, since announcements sent meanwhile are lost. Without a
/// listener (SQLite, connection down) callers read the database every time, as if there were no cache.
/// </summary>
public class NotifiedCache<TValue>(int maxKeys = 100_000)
{
    /// <summary>The key announced when every kept value may have changed.</summary>
    public const string AllKeys = "";

    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);
    private long _changes;
    private int _listeners;

    public bool Listening => Volatile.Read(ref _listeners) > 0;

    /// <summary>Changes seen so far: read before reading the database, handed to <see cref="Keep"/>.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public bool TryGet(string key, out TValue value)
    {
        value = default!;
        return Listening && _values.TryGetValue(key, out value!);
    }

    /// <summary>Keeps a value read from the database, unless a change arrived since <paramref name="seen"/>.</summary>
    public void Keep(string key, TValue value, long seen)
    {
        if (!Listening || Changes != seen) return;
        if (_values.Count >= maxKeys) _values.Clear(); // emptied when full: refilled by the next reads
        _values[key] = value;
        // A change that arrived while storing may have removed the entry before it was written.
        if (Changes != seen) _values.TryRemove(key, out _);
    }

    /// <summary>The key's value changed (announced by any node, or by this one); <see cref="AllKeys"/>: every value.</summary>
    public void Changed(string key)
    {
        Interlocked.Increment(ref _changes);
        if (key == AllKeys) _values.Clear();
        else _values.TryRemove(key, out _);
    }

    /// <summary>The listener connected or lost its connection: nothing kept so far can be trusted.</summary>
    public void SetListening(bool listening)
    {
        if (!listening) Interlocked.Decrement(ref _listeners);
        Interlocked.Increment(ref _changes);
        _values.Clear();
        if (listening) Interlocked.Increment(ref _listeners);
    }
}
