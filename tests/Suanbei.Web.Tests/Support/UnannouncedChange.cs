using Suanbei.Web.Data;

namespace Suanbei.Web.Tests.Support;

/// <summary>
/// Checks that a listening node serves its copy after a change made behind the app's back (triggers off). The fixture's
/// own saves are announced too, and on a loaded machine such an announcement can reach the node after the copy was kept
/// and drop it; then the node rightly reads the database again. So the change is undone and the check repeated whenever
/// the cache counted a change in between: a copy lost with no change counted fails at once.
/// </summary>
public static class UnannouncedChange
{
    private const int Attempts = 5;

    /// <summary>Keeps a copy (<paramref name="keep"/>), makes the change, reads; returns what the read saw when no
    /// announcement arrived in between (or after the last attempt).</summary>
    public static async Task<string> ReadAfterAsync<TValue>(NotifiedCache<TValue> cache, Func<Task> keep, Func<Task> change,
        Func<Task> undo, Func<Task<string>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            await keep();
            var seen = cache.Changes;
            await change();
            var page = await read();
            // Without a listener nothing is kept, so there is no copy for an announcement to spoil.
            if (!cache.Listening || cache.Changes == seen || attempt == Attempts) return page;
            await undo();
        }
    }
}
