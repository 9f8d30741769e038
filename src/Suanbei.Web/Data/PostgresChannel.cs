namespace Suanbei.Web.Data;

/// <summary>
/// A PostgreSQL notification channel a node-local copy of database data listens on, and what to tell that copy: each
/// notification's payload, and whether the node listens (a copy must not trust itself while it does not). Feature
/// modules register one per copy as a singleton; <see cref="PostgresListener"/> listens on all of them over one
/// connection.
/// </summary>
public sealed record PostgresChannel(string Name, Action<string> Notified, Action<bool> Listening)
{
    /// <summary>The channel whose payloads are the keys of <paramref name="cache"/> that changed.</summary>
    public static PostgresChannel Of<TValue>(string name, NotifiedCache<TValue> cache) =>
        new(name, cache.Changed, cache.SetListening);
}
