using System.Runtime.CompilerServices;

namespace Suanbei.Registry.Store;

/// <summary>
/// The matches of a query: how many there are (<see cref="Total"/>), how many will be read (<see cref="Count"/>, at most
/// the cap asked for) and the entries themselves, read lazily a chunk at a time each time they are enumerated.
/// </summary>
public sealed class RegistryMatches(int total, int count, Func<CancellationToken, IAsyncEnumerable<RegistryEntry>> read)
{
    public int Total => total;
    public int Count => count;

    /// <summary>The entries in the query's order, with their listings.</summary>
    public IAsyncEnumerable<RegistryEntry> Entries(CancellationToken ct = default) => read(ct);

    /// <summary>The entries as rows in the CAC layout, numbered from 1 (for export).</summary>
    public async IAsyncEnumerable<RegistryRow> Rows([EnumeratorCancellation] CancellationToken ct = default)
    {
        var n = 0;
        await foreach (var entry in read(ct).WithCancellation(ct))
            yield return entry.ToRow(++n);
    }
}
