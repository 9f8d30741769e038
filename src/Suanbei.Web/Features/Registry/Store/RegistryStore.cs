using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Identifiers;
using Suanbei.Core.Registry;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Registry.Store;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// The registry store: merges imported rows into entries (idempotent, deduped by number, history per listing),
/// searches, verifies numbers and counts. Provider-neutral LINQ only (SQLite and PostgreSQL give the same results).
/// </summary>
public sealed class RegistryStore(SuanbeiDbContext db, TimeProvider? clock = null) : IRegistryStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private const int Chunk = 1000;

    public async Task<ImportSummary> ImportAsync(ImportResult result, CancellationToken ct = default)
    {
        if (!result.FileRead) return new(result.Source, 0, 0, 0, 0, 0, 0);
        var s = await ApplyRowsAsync(result.Rows, result.Source, ct);
        return s with { RowsReported = result.Reported.Count };
    }

    public async Task<ImportSummary> ApplyRowsAsync(IReadOnlyList<RegistryRow> rows, string source, CancellationToken ct = default)
    {
        int created = 0, changed = 0, listingsAdded = 0, cancelled = 0, written = 0;
        var now = _clock.GetUtcNow();
        // Bulk path: one lookup of the chunk's numbers, one DetectChanges and one SaveChanges per chunk, then a clear tracker.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in rows.Chunk(Chunk))
            {
                var numbers = chunk.Select(r => r.Number).Distinct().ToList();
                var fresh = new HashSet<RegistryEntry>(ReferenceEqualityComparer.Instance);
                var existing = await db.Set<RegistryEntry>()
                    .Include(e => e.Listings).Include(e => e.Products).Include(e => e.Search)
                    .Where(e => numbers.Contains(e.Number))
                    .AsSplitQuery()
                    .ToDictionaryAsync(e => e.Number, ct);
                foreach (var row in chunk)
                {
                    if (!existing.TryGetValue(row.Number, out var entry))
                    {
                        entry = new RegistryEntry { Id = Guid.NewGuid(), Number = row.Number, UpdatedAt = now };
                        existing[row.Number] = entry;
                        fresh.Add(entry); // inserted below without change tracking
                        created++;
                    }
                    var wasCancelled = entry.Status == RegistryStatus.Cancelled;
                    if (Apply(entry, row, source, now)) listingsAdded++;
                    if (!wasCancelled && entry.Status == RegistryStatus.Cancelled) cancelled++;
                }
                db.ChangeTracker.DetectChanges();
                foreach (var e in existing.Values)
                {
                    if (fresh.Contains(e)) continue;
                    var state = db.Entry(e).State;
                    if (state == EntityState.Modified) { e.UpdatedAt = now; changed++; }
                }
                written += await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                if (fresh.Count > 0)
                {
                    written += await BulkInsert.InsertAsync(db, fresh, ct);
                    await BulkInsert.InsertAsync(db, fresh.Select(e => e.Search!), ct);
                    await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Listings), ct);
                    await BulkInsert.InsertAsync(db, fresh.SelectMany(e => e.Products), ct);
                }
            }
            // In the same transaction: every process's search index reloads on its next search.
            if (written > 0) await RegistrySearchIndex.BumpVersionAsync(db, ct);
            await tx.CommitAsync(ct);
            // This process's next search sees the change at once, without waiting for its own notification.
            if (written > 0) RegistrySearchIndex.For(db).Changed();
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
        return new(source, rows.Count, 0, created, changed, listingsAdded, cancelled);
    }

    private static string ListingKey(RegistryRow r) =>
        r.List == RegistryListKind.FiledHere
            ? $"{r.List}|{r.FiledOn:yyyy-MM-dd}|{r.Remark}"
            : $"{r.List}|{r.Period}|{r.Batch}|{r.ListName}|{r.Notice}";

    /// <summary>Applies one row; returns true when it added a listing.</summary>
    private bool Apply(RegistryEntry entry, RegistryRow row, string source, DateTimeOffset now)
    {
        var key = ListingKey(row);
        if (key.Length > 600) key = key[..600];
        var listing = entry.Listings.FirstOrDefault(l => l.ListingKey == key);
        var added = listing is null;
        if (listing is null)
        {
            listing = new RegistryListing
            {
                Id = Guid.NewGuid(), EntryId = entry.Id, ListingKey = key, ImportedAt = now, SourceFile = Clip(source, 300),
            };
            entry.Listings.Add(listing);
        }
        listing.List = row.List;
        listing.Period = row.Period;
        listing.Batch = Clip(row.Batch, 50);
        listing.ListName = Clip(row.ListName, 300);
        listing.Seq = row.Seq;
        listing.Name = Clip(row.Name, 500)!;
        listing.RoleOrCategory = Clip(row.Role ?? row.Category, 50);
        listing.ProductsRaw = row.ProductsRaw;
        listing.Purpose = row.Purpose;
        listing.Remark = row.Remark;
        listing.CancelledOn = row.CancelledOn;
        listing.Notice = Clip(row.Notice, 200);

        var isCancellation = row.List == RegistryListKind.Cancellation;
        if (isCancellation)
        {
            entry.Status = RegistryStatus.Cancelled;
            // The latest notice decides the date (a number is cancelled once; a repeat notice does not move it back).
            if (entry.CancelledOn is null || (row.CancelledOn is { } d && d > entry.CancelledOn))
            {
                entry.CancelledOn = row.CancelledOn;
                entry.CancelledNotice = Clip(row.Notice, 200);
            }
            if (entry.Name.Length == 0) Describe(entry, row); // known only from the notice
        }
        else
        {
            if (row.List == RegistryListKind.FiledHere) entry.FiledHere = true; else entry.InOfficialList = true;
            if (entry.LatestPeriod is null || string.CompareOrdinal(row.Period ?? "", entry.LatestPeriod) >= 0 || entry.Name.Length == 0)
            {
                Describe(entry, row);
                entry.List = row.List;
                if (row.Period is not null) entry.LatestPeriod = row.Period;
            }
        }
        var periods = entry.Listings.Where(l => l.List != RegistryListKind.Cancellation && l.Period is not null)
            .Select(l => l.Period!).ToList();
        entry.FirstPeriod = periods.Count > 0 ? periods.Min(StringComparer.Ordinal) : entry.FirstPeriod;
        DeriveFromNumber(entry);
        var text = RegistrySearchText.For(entry);
        if (entry.Search is null) entry.Search = new RegistrySearchRow { EntryId = entry.Id, Text = text };
        else if (entry.Search.Text != text) entry.Search.Text = text;
        return added;
    }

    private static void Describe(RegistryEntry entry, RegistryRow row)
    {
        if (row.Name.Length > 0) entry.Name = Clip(row.Name, 500)!;
        if (row.Entity.Length > 0) entry.Entity = Clip(row.Entity, 500)!;
        if (row.Role is not null || row.Category is not null)
        {
            entry.Role = Clip(row.Role, 50);
            entry.Category = Clip(row.Category, 50);
        }
        if (row.Purpose is not null) entry.Purpose = row.Purpose;
        if (row.Region is not null) entry.Region = Clip(row.Region, 50);
        if (row.FiledOn is not null) entry.FiledOn = row.FiledOn;
        if (row.GenerativeKind is not null) entry.GenerativeKind = row.GenerativeKind;
        if (row.ProductsRaw != entry.ProductsRaw && (row.ProductsRaw is not null || row.List != RegistryListKind.Cancellation))
        {
            entry.ProductsRaw = row.ProductsRaw;
            entry.ProductsTruncated = row.ProductsTruncated;
            entry.Products.Clear();
            foreach (var p in row.Products.DistinctBy(p => (p.Name, p.Form)))
                entry.Products.Add(new RegistryProduct
                { Id = Guid.NewGuid(), EntryId = entry.Id, Name = Clip(p.Name, 300)!, Form = p.Form });
        }
    }

    private static void DeriveFromNumber(RegistryEntry entry)
    {
        entry.Scheme = RegistryNumbers.Classify(entry.Number);
        if (entry.Scheme == RegistryNumberScheme.Algorithm)
        {
            var info = FilingNumber.Decode(entry.Number);
            entry.RegionCode = info.Region;
            entry.Province = info.ProvinceName;
            entry.TypeCode = info.TypeCode;
            entry.AlgorithmType = AlgorithmTypes.FromNumberTypeCode(info.TypeCode);
            entry.Year = info.Year;
            entry.CheckDigitMatches = info.CheckDigitMatches;
        }
        else if (RegistryNumbers.TryParseGenerative(entry.Number) is { } g)
        {
            entry.Province = entry.Region;
            entry.Year = g.Date?.Year;
            entry.AlgorithmType = Suanbei.Core.AlgorithmType.GenerationSynthesis;
            entry.CheckDigitMatches = true;
        }
    }

    private static string? Clip(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;

    // ---------------------------------------------------------------- search

    public async Task<RegistrySearchResult> SearchAsync(RegistryQuery query, CancellationToken ct = default)
    {
        if (query.Validate() is { } error) throw new RegistryQueryException(error);
        var pageSize = Math.Clamp(query.PageSize, 1, RegistryQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        // Matching and ordering in memory (RegistrySearchIndex), then the page's entries and listings by key.
        var index = await RegistrySearchIndex.For(db).CurrentAsync(db, ct);
        var (total, ids) = index.Find(query, (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize), pageSize);
        var items = await ByIds(ids, ct, index);
        return new RegistrySearchResult(total, page, pageSize, items);
    }

    public async Task<RegistryMatches> MatchAsync(RegistryQuery query, int? max = null, CancellationToken ct = default)
    {
        if (query.Validate() is { } error) throw new RegistryQueryException(error);
        var index = await RegistrySearchIndex.For(db).CurrentAsync(db, ct);
        var (total, ids) = index.Find(query, 0, max ?? int.MaxValue);
        return new RegistryMatches(total, ids.Count, token => Read(ids, token));

        // Ids only are held; entries are loaded 1,000 at a time and released as they are yielded.
        async IAsyncEnumerable<RegistryEntry> Read(List<Guid> ids, [EnumeratorCancellation] CancellationToken token)
        {
            foreach (var chunk in ids.Chunk(1000))
                foreach (var entry in await ByIds(chunk, token))
                    yield return entry;
        }
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Set<RegistryEntry>().AnyAsync(ct);

    /// <summary>
    /// Entries with their listings, in the order of <paramref name="ids"/>; those the snapshot already holds are not
    /// read again (<paramref name="cache"/>: the search page's, whose entries repeat; exports read without it).
    /// </summary>
    private async Task<List<RegistryEntry>> ByIds(IReadOnlyList<Guid> ids, CancellationToken ct,
        RegistrySearchIndex.Snapshot? cache = null)
    {
        if (ids.Count == 0) return [];
        var byId = new Dictionary<Guid, RegistryEntry>(ids.Count);
        var missing = new List<Guid>();
        foreach (var id in ids)
            if (cache is not null && cache.TryGetEntry(id, out var kept)) byId[id] = kept;
            else missing.Add(id);
        if (missing.Count > 0)
        {
            // One round trip: the entries by primary key joined to their listings by the EntryId index (no Take, so
            // EF joins the table itself, not a subquery).
            var list = await db.Set<RegistryEntry>().AsNoTracking().Include(e => e.Listings).AsSingleQuery()
                .Where(e => missing.Contains(e.Id)).ToListAsync(ct);
            foreach (var e in list) byId[e.Id] = e;
            cache?.KeepEntries(list);
        }
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public Task<RegistryEntry?> GetAsync(string number, CancellationToken ct = default)
    {
        var n = RegistryNumbers.Normalise(number);
        return db.Set<RegistryEntry>().AsNoTracking().Include(e => e.Listings).Include(e => e.Products).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Number == n, ct);
    }

    public Task<RegistryVerification> VerifyAsync(string? number, CancellationToken ct = default) =>
        RegistryVerification.CreateAsync(number, n => GetAsync(n, ct));

    // ---------------------------------------------------------------- statistics

    public async Task<RegistryStatistics> StatisticsAsync(int top = 20, CancellationToken ct = default)
    {
        var entries = db.Set<RegistryEntry>().AsNoTracking();
        var total = await entries.CountAsync(ct);
        var cancelled = await entries.CountAsync(e => e.Status == RegistryStatus.Cancelled, ct);
        var batchRows = (await db.Set<RegistryListing>().AsNoTracking()
                .Where(l => l.List != RegistryListKind.Cancellation && l.List != RegistryListKind.FiledHere)
                .GroupBy(l => new { l.List, l.Period, l.Batch })
                    .Select(g => new { g.Key.List, g.Key.Period, g.Key.Batch, Count = g.Count() })
                .ToListAsync(ct))
            .OrderBy(x => x.Period, StringComparer.Ordinal).ThenBy(x => x.List).ToList();
        var batches = batchRows.Select(x => new StatCount(
            $"{x.Period ?? "未知"} {DisplayNames.Of(x.List)}{(x.Batch is null ? "" : " " + x.Batch)}",
            x.Count)).ToList();
        // One series per list: the lists are published separately, so a line across them would join unrelated counts.
        var perList = batchRows.GroupBy(x => x.List).OrderBy(g => g.Key)
            .Select(g => new ListSeries(DisplayNames.Of(g.Key),
                g.Select(x => new StatCount($"{x.Period ?? "未知"}{(x.Batch is null ? "" : " " + x.Batch)}", x.Count)).ToList()))
            .ToList();
        // Known slips of the source (a truncated role, 国资委 as a 属地) are counted under what they mean.
        var provinces = Normalised("province", await Count(entries.GroupBy(e => e.Province), ct));
        var roles = Normalised("role", await Count(entries.Where(e => e.Role != null).GroupBy(e => e.Role), ct));
        var types = (await entries.Where(e => e.AlgorithmType != null)
            .GroupBy(e => e.AlgorithmType)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(x => x.Count).Select(x => new StatCount(DisplayNames.Of(x.Key!.Value), x.Count)).ToList();
        var topEntities = (await Count(entries.GroupBy(e => e.Entity), ct)).Take(top).ToList();
        var forms = await Count(db.Set<RegistryProduct>().AsNoTracking().GroupBy(p => p.Form), ct);
        return new RegistryStatistics(total, total - cancelled, cancelled, batches, provinces, roles, types, topEntities, forms)
        { PerList = perList };
    }

    private static List<StatCount> Normalised(string field, IEnumerable<StatCount> counts) =>
        counts.GroupBy(c => SourceNormalisations.Normalise(field, c.Label) ?? c.Label)
            .Select(g => new StatCount(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();

    private static async Task<List<StatCount>> Count(IQueryable<IGrouping<string?, RegistryEntry>> groups, CancellationToken ct) =>
        (await groups.Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new StatCount(x.Key ?? "未知", x.Count)).ToList();

    private static async Task<List<StatCount>> Count(IQueryable<IGrouping<string?, RegistryProduct>> groups, CancellationToken ct) =>
        (await groups.Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new StatCount(x.Key ?? "未注明", x.Count)).ToList();
}
