using System.Globalization;
using System.Text;

namespace Suanbei.Registry.Similarity;

/// <summary>
/// Finds texts that share most of their wording (copied 主要用途 / algorithm descriptions). Texts are reduced to sets of
/// character 3-grams (punctuation, spaces and case ignored, so it works for Chinese without word segmentation);
/// MinHash signatures with LSH banding pick candidates, which are then ranked by exact Jaccard similarity of the sets.
/// Thread-safe; Add replaces an id's text. Reusable by the compliance assistant to flag copied filing text.
/// </summary>
public sealed class NearDuplicateIndex
{
    public const int ShingleLength = 3;
    private const int Bands = 32;
    private const int RowsPerBand = 2;
    private const int SignatureLength = Bands * RowsPerBand;
    /// <summary>Below this size every entry is compared exactly (no LSH misses on small registries).</summary>
    private const int ExhaustiveBelow = 5_000;

    private static readonly ulong[] Seeds = MakeSeeds();

    private sealed record Item(string Id, ulong[] Shingles, ulong[] Signature);

    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Band, ulong Hash), HashSet<string>> _buckets = new();
    private readonly ReaderWriterLockSlim _lock = new();

    public int Count { get { _lock.EnterReadLock(); try { return _items.Count; } finally { _lock.ExitReadLock(); } } }

    public void Add(string id, string? text)
    {
        var shingles = Shingles(text);
        var item = new Item(id, shingles, Signature(shingles));
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(id);
            _items[id] = item;
            for (var b = 0; b < Bands; b++)
            {
                var key = (b, BandHash(item.Signature, b));
                if (!_buckets.TryGetValue(key, out var set)) _buckets[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(id);
            }
        }
        finally { _lock.ExitWriteLock(); }
    }

    public bool Remove(string id)
    {
        _lock.EnterWriteLock();
        try { return RemoveLocked(id); }
        finally { _lock.ExitWriteLock(); }
    }

    private bool RemoveLocked(string id)
    {
        if (!_items.Remove(id, out var old)) return false;
        for (var b = 0; b < Bands; b++)
        {
            var key = (b, BandHash(old.Signature, b));
            if (_buckets.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0) _buckets.Remove(key);
        }
        return true;
    }

    /// <summary>The <paramref name="k"/> most similar indexed texts with similarity ≥ <paramref name="minSimilarity"/>, best
    /// first.</summary>
    public IReadOnlyList<NearDuplicate> Query(string? text, int k = 10, double minSimilarity = 0.0, string? excludeId = null)
    {
        if (k <= 0) return [];
        var shingles = Shingles(text);
        if (shingles.Length == 0) return [];
        var signature = Signature(shingles);
        _lock.EnterReadLock();
        try
        {
            IEnumerable<Item> candidates;
            if (_items.Count < ExhaustiveBelow) candidates = _items.Values;
            else
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var b = 0; b < Bands; b++)
                    if (_buckets.TryGetValue((b, BandHash(signature, b)), out var set)) ids.UnionWith(set);
                candidates = ids.Select(id => _items[id]);
            }
            return candidates
                .Where(i => i.Id != excludeId)
                .Select(i => new NearDuplicate(i.Id, Jaccard(shingles, i.Shingles)))
                .Where(m => m.Similarity > 0 && m.Similarity >= minSimilarity)
                .OrderByDescending(m => m.Similarity).ThenBy(m => m.Id, StringComparer.Ordinal)
                .Take(k)
                .ToList();
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Exact Jaccard similarity of two texts' shingle sets (for callers comparing two given texts).</summary>
    public static double Similarity(string? a, string? b) => Jaccard(Shingles(a), Shingles(b));

    /// <summary>Letters and digits only, lower case, full-width folded; then sorted distinct hashes of the 3-grams.</summary>
    internal static ulong[] Shingles(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var folded = text.Normalize(NormalizationForm.FormKC);
        var chars = new List<char>(Math.Min(folded.Length, 20_000));
        foreach (var c in folded)
        {
            if (chars.Count >= 20_000) break;
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || cat == UnicodeCategory.OtherLetter) chars.Add(char.ToLowerInvariant(c));
        }
        if (chars.Count == 0) return [];
        var set = new HashSet<ulong>();
        if (chars.Count < ShingleLength) set.Add(Hash(chars, 0, chars.Count));
        for (var i = 0; i + ShingleLength <= chars.Count; i++) set.Add(Hash(chars, i, ShingleLength));
        var arr = set.ToArray();
        Array.Sort(arr);
        return arr;
    }

    private static ulong Hash(List<char> chars, int start, int length)
    {
        var h = 14695981039346656037UL; // FNV-1a
        for (var i = start; i < start + length; i++) { h ^= chars[i]; h *= 1099511628211UL; }
        return h;
    }

    private static ulong[] Signature(ulong[] shingles)
    {
        var sig = new ulong[SignatureLength];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
            for (var i = 0; i < SignatureLength; i++)
            {
                var v = Mix(s ^ Seeds[i]);
                if (v < sig[i]) sig[i] = v;
            }
        return sig;
    }

    private static ulong BandHash(ulong[] signature, int band)
    {
        var h = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < RowsPerBand; r++) h = Mix(h ^ signature[band * RowsPerBand + r]);
        return h;
    }

    /// <summary>splitmix64 finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[SignatureLength];
        var x = 0x5DEECE66DUL;
        for (var i = 0; i < seeds.Length; i++) seeds[i] = x = Mix(x + 0x9E3779B97F4A7C15UL);
        return seeds;
    }

    private static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, both = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { both++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)both / (a.Length + b.Length - both);
    }
}
