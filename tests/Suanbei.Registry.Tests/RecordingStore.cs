using Suanbei.Registry.Import;
using Suanbei.Registry.Store;

namespace Suanbei.Registry.Tests;

/// <summary>A store that records the rows it is given to merge; everything else is not needed by the tests using it.</summary>
internal sealed class RecordingStore : IRegistryStore
{
    public List<RegistryRow> Rows { get; } = [];

    public Task<ImportSummary> ApplyRowsAsync(IReadOnlyList<RegistryRow> rows, string source, CancellationToken ct = default)
    {
        Rows.AddRange(rows);
        return Task.FromResult(new ImportSummary(source, rows.Count, 0, EntriesCreated: rows.Count, 0, 0, 0));
    }

    public Task<ImportSummary> ImportAsync(ImportResult result, CancellationToken ct = default) =>
        ApplyRowsAsync(result.Rows, result.Source, ct);

    public Task<bool> IsEmptyAsync(CancellationToken ct = default) => Task.FromResult(Rows.Count == 0);
    public Task<RegistrySearchResult> SearchAsync(RegistryQuery query, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<RegistryMatches> MatchAsync(RegistryQuery query, int? max = null, CancellationToken ct = default) =>
        throw new NotSupportedException();
    public Task<RegistryEntry?> GetAsync(string number, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<RegistryVerification> VerifyAsync(string? number, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<RegistryStatistics> StatisticsAsync(int top = 20, CancellationToken ct = default) => throw new NotSupportedException();
}
