using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suanbei.Registry;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// In-memory search index of one registry database: per entry its id, the stored normalised search text
/// (<see cref="RegistrySearchRow"/>), the filter fields and the sort keys. Substring terms are found with a vectorised
/// ordinal <c>IndexOf</c> over all texts laid end to end (any length, 1-character Chinese terms included), filters and
/// sorting run over arrays, and only the page's entries are read from the database. Same semantics as a scan of the
/// RegistrySearch table, identical on SQLite and PostgreSQL because the database only supplies the data.
/// <para>Freshness: a search reads <see cref="RegistryMeta"/> (one row) and reloads when its version/stamp moved, so an
/// import by another process (the CLI, another node) is seen by the next search. On PostgreSQL every version bump also
/// sends <see cref="Channel"/> (delivered at commit); while <see cref="PostgresListener"/> listens, a search
/// trusts the version it last read until a notification arrives, and asks the database nothing at all.</para>
/// </summary>
public sealed class RegistrySearchIndex
{
    private static readonly ConcurrentDictionary<string, RegistrySearchIndex> ByDatabase = new(StringComparer.Ordinal);

    /// <summary>The process-wide index of the database <paramref name="db"/> is connected to.</summary>
    public static RegistrySearchIndex For(SuanbeiDbContext db) =>
        ByDatabase.GetOrAdd((db.Database.ProviderName ?? "") + "|" + db.Database.GetConnectionString(), _ => new RegistrySearchIndex());

    /// <summary>The PostgreSQL notification channel a version bump sends on.</summary>
    public const string Channel = "suanbei_registry";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    // Notifications seen so far, and the snapshot whose version was read when that count was _checked.Changes: while
    // listening and no notification came since, that snapshot is current without asking the database.
    private long _changes;
    private int _listeners; // connected listeners (one per process; two when tests run two nodes in one process)
    private volatile Checked? _checked;

    private sealed record Checked(Snapshot Snapshot, long Changes);

    /// <summary>The snapshot last loaded, without asking the database (null before the first load).</summary>
    internal Snapshot? Loaded => _current;

    /// <summary>Whether searches currently rely on change notifications instead of reading the version.</summary>
    public bool Listening => Volatile.Read(ref _listeners) > 0;

    /// <summary>The registry may have changed: the next search reads the version again.</summary>
    public void Changed() => Interlocked.Increment(ref _changes);

    /// <summary>
    /// The listener's connection is up (after its LISTEN) or down. Going up counts as a change, so a commit made before
    /// the LISTEN took effect is still seen by the next search.
    /// </summary>
    public void SetListening(bool listening)
    {
        if (!listening) Interlocked.Decrement(ref _listeners);
        Changed();
        if (listening) Interlocked.Increment(ref _listeners);
    }

    /// <summary>The index as of the database's current version (reloaded first when the registry changed).</summary>
    public async Task<Snapshot> CurrentAsync(SuanbeiDbContext db, CancellationToken ct = default)
    {
        var seen = Interlocked.Read(ref _changes);
        if (Listening && _checked is { } c && c.Changes == seen) return c.Snapshot;
        var version = await ReadVersionAsync(db, ct);
        var snapshot = await LoadedOrLoadAsync(db, version, ct);
        _checked = new Checked(snapshot, seen);
        return snapshot;
    }

    private async Task<Snapshot> LoadedOrLoadAsync(SuanbeiDbContext db, (long, Guid) version, CancellationToken ct)
    {
        if (_current is { } s && s.Version == version) return s;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Version == version) return again;
            // Labelled with the version read before the data: a change committed meanwhile only causes one more reload.
            var built = await Snapshot.LoadAsync(db, version, ct);
            _current = built;
            return built;
        }
        finally { _gate.Release(); }
    }

    public static async Task<(long, Guid)> ReadVersionAsync(SuanbeiDbContext db, CancellationToken ct)
    {
        var meta = await db.Set<RegistryMeta>().AsNoTracking().Where(m => m.Id == RegistryMeta.SingletonId)
            .Select(m => new { m.Version, m.Stamp }).FirstOrDefaultAsync(ct);
        return meta is null ? (0, Guid.Empty) : (meta.Version, meta.Stamp);
    }

    /// <summary>
    /// Bumps the version in the caller's transaction (provider-neutral UPDATE; the row is created on first use). On
    /// PostgreSQL it also notifies <see cref="Channel"/>, which listeners receive when the transaction commits.
    /// </summary>
    public static async Task BumpVersionAsync(SuanbeiDbContext db, CancellationToken ct)
    {
        var stamp = Guid.NewGuid();
        var n = await db.Set<RegistryMeta>().Where(m => m.Id == RegistryMeta.SingletonId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Version, m => m.Version + 1).SetProperty(m => m.Stamp, stamp), ct);
        if (n == 0)
        {
            db.Add(new RegistryMeta { Id = RegistryMeta.SingletonId, Version = 1, Stamp = stamp });
            await db.SaveChangesAsync(ct);
        }
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("NOTIFY " + Channel, ct);
    }

    /// <summary>An immutable view of the registry; thread-safe.</summary>
    public sealed class Snapshot
    {
        private const char Separator = '\0';
        public (long, Guid) Version { get; }
        public int Count => _ids.Length;

        private readonly Guid[] _ids;
        private readonly string[] _numbers, _names, _entities;
        private readonly string?[] _roles, _provinces, _firstPeriods, _latestPeriods;
        private readonly int[] _types, _years; // -1 / int.MinValue when unknown
        private readonly RegistryStatus[] _status;
        private readonly bool[] _official, _filedHere;
        private readonly string _text;      // every entry's search text, each followed by Separator
        private readonly int[] _starts;     // _starts[i] = offset of entry i's text; _starts[Count] = _text.Length
        private readonly Dictionary<string, int[]> _batches; // listing Period / Batch / ListName → entries
        private readonly ConcurrentDictionary<RegistrySort, int[]> _orders = new();

        private Snapshot((long, Guid) version, List<Row> rows, Dictionary<string, int[]> batches)
        {
            Version = version;
            var n = rows.Count;
            _ids = new Guid[n]; _numbers = new string[n]; _names = new string[n]; _entities = new string[n];
            _roles = new string?[n]; _provinces = new string?[n]; _firstPeriods = new string?[n]; _latestPeriods = new string?[n];
            _types = new int[n]; _years = new int[n]; _status = new RegistryStatus[n]; _official = new bool[n]; _filedHere = new bool[n];
            _starts = new int[n + 1];
            var sb = new System.Text.StringBuilder(rows.Sum(r => (r.Text?.Length ?? 0) + 1));
            for (var i = 0; i < n; i++)
            {
                var r = rows[i];
                _ids[i] = r.Id; _numbers[i] = r.Number; _names[i] = r.Name; _entities[i] = r.Entity;
                _roles[i] = r.Role; _provinces[i] = r.Province; _firstPeriods[i] = r.FirstPeriod; _latestPeriods[i] = r.LatestPeriod;
                _types[i] = r.AlgorithmType is { } t ? (int)t : -1;
                _years[i] = r.Year ?? int.MinValue;
                _status[i] = r.Status; _official[i] = r.InOfficialList; _filedHere[i] = r.FiledHere;
                _starts[i] = sb.Length;
                sb.Append(r.Text).Append(Separator);
            }
            _starts[n] = sb.Length;
            _text = sb.ToString();
            _batches = batches;
        }

        private sealed record Row(Guid Id, string Number, string Name, string Entity, string? Role,
            Suanbei.Core.AlgorithmType? AlgorithmType,
            string? Province, int? Year, RegistryStatus Status, bool InOfficialList, bool FiledHere,
            string? FirstPeriod, string? LatestPeriod, string? Text);

        internal static async Task<Snapshot> LoadAsync(SuanbeiDbContext db, (long, Guid) version, CancellationToken ct)
        {
            var rows = await db.Set<RegistryEntry>().AsNoTracking()
                .Select(e => new Row(e.Id, e.Number, e.Name, e.Entity, e.Role, e.AlgorithmType, e.Province, e.Year, e.Status,
                    e.InOfficialList, e.FiledHere, e.FirstPeriod, e.LatestPeriod, e.Search != null ? e.Search.Text : null))
                .ToListAsync(ct);
            var ordinal = new Dictionary<Guid, int>(rows.Count);
            for (var i = 0; i < rows.Count; i++) ordinal[rows[i].Id] = i;
            var batches = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            void AddBatch(string? key, int i)
            {
                if (key is null) return;
                if (!batches.TryGetValue(key, out var list)) batches[key] = list = [];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
            await foreach (var l in db.Set<RegistryListing>().AsNoTracking().Select(l => new { l.EntryId, l.Period, l.Batch, l.ListName })
                               .AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!ordinal.TryGetValue(l.EntryId, out var i)) continue; // entry committed after the entries were read
                AddBatch(l.Period, i); AddBatch(l.Batch, i); AddBatch(l.ListName, i);
            }
            return new Snapshot(version, rows, batches.ToDictionary(b => b.Key, b => b.Value.Distinct().ToArray(), StringComparer.Ordinal));
        }

        // The entries (with listings) that search pages showed, for the snapshot's lifetime: a change to any entry
        // bumps the version, which replaces the snapshot and so this cache. Shared read-only by concurrent requests
        // (read without tracking, never modified). Bounded: emptied when full.
        private const int MaxCachedEntries = 5000;
        private readonly ConcurrentDictionary<Guid, RegistryEntry> _entries = new();

        internal bool TryGetEntry(Guid id, out RegistryEntry entry) => _entries.TryGetValue(id, out entry!);

        internal void KeepEntries(IReadOnlyCollection<RegistryEntry> entries)
        {
            if (_entries.Count + entries.Count > MaxCachedEntries) _entries.Clear();
            foreach (var e in entries) _entries.TryAdd(e.Id, e);
        }

        /// <summary>Total matches and the ids of entries [skip, skip + take) in the query's order.</summary>
        public (int Total, List<Guid> Ids) Find(RegistryQuery query, int skip, int take)
        {
            // Scratch arrays come from the pool: at 100,000 entries a fresh bool[] would land on the large-object heap
            // on every search and cost gen-2 collections under load.
            var match = ArrayPool<bool>.Shared.Rent(Count);
            try
            {
                Match(query, match);
                var order = Order(query.Sort);
                var ids = new List<Guid>(Math.Clamp(take, 0, 1000));
                var total = 0;
                foreach (var i in order)
                {
                    if (!match[i]) continue;
                    if (total >= skip && ids.Count < take) ids.Add(_ids[i]);
                    total++;
                }
                return (total, ids);
            }
            finally { ArrayPool<bool>.Shared.Return(match); }
        }

        /// <summary>Sets match[0..Count) to whether each entry matches the query.</summary>
        private void Match(RegistryQuery query, bool[] match)
        {
            var n = Count;
            Array.Clear(match, 0, n);
            var role = query.RoleValue();
            var type = query.TypeValue() is { } t ? (int)t : (int?)null;
            var province = query.ProvincePrefix();
            var year = query.Year;
            var status = query.Status;
            var source = query.Source;
            bool[]? inBatch = null;
            if (!string.IsNullOrWhiteSpace(query.Batch))
            {
                inBatch = new bool[n];
                if (_batches.TryGetValue(query.Batch.Trim(), out var members)) foreach (var i in members) inBatch[i] = true;
            }
            var candidates = 0;
            for (var i = 0; i < n; i++)
            {
                if (role is not null && !string.Equals(_roles[i], role, StringComparison.Ordinal)) continue;
                if (type is { } ty && _types[i] != ty) continue;
                if (province is not null && (_provinces[i] is not { } p || !p.StartsWith(province, StringComparison.Ordinal))) continue;
                if (year is { } y && _years[i] != y) continue;
                if (inBatch is not null && !inBatch[i]) continue;
                if (status is { } st && _status[i] != st) continue;
                if (source == RegistrySource.OfficialList && !_official[i]) continue;
                if (source == RegistrySource.FiledHere && !_filedHere[i]) continue;
                match[i] = true;
                candidates++;
            }
            foreach (var term in query.Terms())
            {
                if (candidates == 0) break;
                candidates = candidates > n / 8 ? ScanAll(term, match) : CheckEach(term, match);
            }
        }

        /// <summary>Keeps match[i] only for entries whose text contains the term (hits of recent terms are cached).</summary>
        private int ScanAll(string term, bool[] match)
        {
            var hits = HitsOf(term);
            var count = 0;
            for (var i = 0; i < Count; i++)
                if (match[i] && !hits[i]) match[i] = false;
                else if (match[i]) count++;
            return count;
        }

        // Popular words repeat (the public page under load asks the same few): the snapshot is immutable, so the hits of
        // a term stay valid for its lifetime. Bounded: at most MaxCachedTerms arrays of Count bools, emptied when full.
        private const int MaxCachedTerms = 64;
        private readonly ConcurrentDictionary<string, bool[]> _termHits = new(StringComparer.Ordinal);

        /// <summary>One pass of IndexOf over all texts laid end to end: hits[i] = entry i's text contains the term.</summary>
        private bool[] HitsOf(string term)
        {
            if (_termHits.TryGetValue(term, out var cached)) return cached;
            var hits = new bool[Count];
            var text = _text.AsSpan();
            var pos = 0;
            while (pos < text.Length)
            {
                var k = term.Length == 1 ? text[pos..].IndexOf(term[0]) : text[pos..].IndexOf(term.AsSpan(), StringComparison.Ordinal);
                if (k < 0) break;
                var at = pos + k;
                var i = EntryAt(at);
                if (at + term.Length <= _starts[i + 1] - 1) { hits[i] = true; pos = _starts[i + 1]; } // next entry
                else pos = at + 1; // the occurrence runs past the end of entry i's text
            }
            if (_termHits.Count >= MaxCachedTerms) _termHits.Clear();
            _termHits[term] = hits;
            return hits;
        }

        private int CheckEach(string term, bool[] match)
        {
            var count = 0;
            var text = _text.AsSpan();
            for (var i = 0; i < Count; i++)
            {
                if (!match[i]) continue;
                var own = text[_starts[i]..(_starts[i + 1] - 1)];
                if (own.IndexOf(term.AsSpan(), StringComparison.Ordinal) >= 0) count++;
                else match[i] = false;
            }
            return count;
        }

        private int EntryAt(int offset)
        {
            var i = Array.BinarySearch(_starts, offset);
            return i >= 0 ? i : ~i - 1;
        }

        private int[] Order(RegistrySort sort) => _orders.GetOrAdd(sort, s =>
        {
            var order = Enumerable.Range(0, Count).ToArray();
            Comparison<int> byNumber = (a, b) => CodePointCompare(_numbers[a], _numbers[b]);
            Comparison<int> compare = s switch
            {
                RegistrySort.Number => byNumber,
                RegistrySort.Name => (a, b) => Then(CodePointCompare(_names[a], _names[b]), a, b),
                RegistrySort.Entity => (a, b) => Then(CodePointCompare(_entities[a], _entities[b]), a, b),
                RegistrySort.Oldest => (a, b) => Then(CodePointCompare(_firstPeriods[a], _firstPeriods[b]), a, b),
                _ => (a, b) => Then(-CodePointCompare(_latestPeriods[a], _latestPeriods[b]), a, b),
            };
            Array.Sort(order, compare);
            return order;
            int Then(int c, int a, int b) => c != 0 ? c : byNumber(a, b);
        });

        /// <summary>
        /// Unicode code-point order (what SQLite's BINARY collation gives for UTF-8), null first like SQL's ascending
        /// order in SQLite: UTF-16 ordinal order differs only where a surrogate pair meets a character above U+E000.
        /// </summary>
        internal static int CodePointCompare(string? a, string? b)
        {
            if (ReferenceEquals(a, b)) return 0;
            if (a is null) return -1;
            if (b is null) return 1;
            var i = a.AsSpan().CommonPrefixLength(b);
            if (i == a.Length || i == b.Length) return a.Length.CompareTo(b.Length);
            char x = a[i], y = b[i];
            var xs = char.IsSurrogate(x);
            if (xs != char.IsSurrogate(y)) return xs ? 1 : -1;
            return x.CompareTo(y);
        }
    }
}
