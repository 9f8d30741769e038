using Microsoft.EntityFrameworkCore;
using Suanbei.Registry;
using Suanbei.Registry.Similarity;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// A <see cref="NearDuplicateIndex"/> over the registry's 主要用途 (id = filing number), built on first use and rebuilt
/// after <see cref="Invalidate"/> or when the registry's size/last change moved. Singleton; for the compliance assistant:
/// <c>await similarity.FindAsync(db, text, 10)</c>.
/// </summary>
public sealed class RegistrySimilarity
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NearDuplicateIndex? _index;
    private (int Count, DateTimeOffset? Last) _version;

    public void Invalidate() => _index = null;

    public async Task<IReadOnlyList<NearDuplicate>> FindAsync(SuanbeiDbContext db, string text, int k = 10, double minSimilarity = 0.2,
        string? excludeNumber = null, CancellationToken ct = default)
    {
        var index = await IndexAsync(db, ct);
        return index.Query(text, k, minSimilarity, excludeNumber);
    }

    private async Task<NearDuplicateIndex> IndexAsync(SuanbeiDbContext db, CancellationToken ct)
    {
        var entries = db.Set<RegistryEntry>().AsNoTracking();
        var count = await entries.CountAsync(ct);
        var last = count == 0 ? null : (DateTimeOffset?)await entries.MaxAsync(e => e.UpdatedAt, ct);
        if (_index is { } current && _version == (count, last)) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_index is { } again && _version == (count, last)) return again;
            var index = new NearDuplicateIndex();
            await foreach (var e in entries.Where(e => e.Purpose != null).Select(e => new { e.Number, e.Purpose })
                .AsAsyncEnumerable().WithCancellation(ct))
                index.Add(e.Number, e.Purpose);
            _index = index;
            _version = (count, last);
            return index;
        }
        finally { _gate.Release(); }
    }
}
