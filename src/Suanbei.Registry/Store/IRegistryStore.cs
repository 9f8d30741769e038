using Suanbei.Registry.Import;

namespace Suanbei.Registry.Store;

/// <summary>
/// What the registry's logic needs from storage: merge rows into entries (idempotent, deduplicated by number, a listing
/// per list), search, read matches as a stream, look up, verify and count. The web app's EF store is the implementation
/// (Suanbei.Web, Features/Registry/Store/RegistryStore) for SQLite and PostgreSQL alike.
/// </summary>
public interface IRegistryStore
{
    /// <summary>Merges the rows of an import result. Reported rows are counted, never stored as entries.</summary>
    Task<ImportSummary> ImportAsync(ImportResult result, CancellationToken ct = default);

    /// <summary>Merges rows in one transaction; <paramref name="source"/> names where they came from.</summary>
    Task<ImportSummary> ApplyRowsAsync(IReadOnlyList<RegistryRow> rows, string source, CancellationToken ct = default);

    /// <summary>True when the registry holds no entry at all.</summary>
    Task<bool> IsEmptyAsync(CancellationToken ct = default);

    /// <summary>One page of matches, with the total. Throws <see cref="RegistryQueryException"/> for an invalid query.</summary>
    Task<RegistrySearchResult> SearchAsync(RegistryQuery query, CancellationToken ct = default);

    /// <summary>
    /// Every match in the query's order (at most <paramref name="max"/>; null: all) as a stream read by key a chunk at a
    /// time, so output of any size is written without holding the rows. The one read path of exports and listings.
    /// </summary>
    Task<RegistryMatches> MatchAsync(RegistryQuery query, int? max = null, CancellationToken ct = default);

    /// <summary>The entry of a number (normalised first) with its listings and products, or null.</summary>
    Task<RegistryEntry?> GetAsync(string number, CancellationToken ct = default);

    /// <summary>Decodes a number (reference §4) and looks it up.</summary>
    Task<RegistryVerification> VerifyAsync(string? number, CancellationToken ct = default);

    Task<RegistryStatistics> StatisticsAsync(int top = 20, CancellationToken ct = default);
}
