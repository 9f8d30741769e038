using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Suanbei.Labels;

/// <summary>
/// A parsed label's fields (<see cref="LabelPayload.Fields"/>), in the order first read; a later duplicate replaces the
/// value in place, as a <see cref="Dictionary{TKey,TValue}"/> does. A label has seven fields, so up to eight are held in
/// the object itself and found by a scan: one object of ≈ 150 bytes per file where a dictionary is ≈ 440 bytes in three
/// (BENCHMARKS.md, allocation per file). More fields (a label with extras) move to a list indexed by a dictionary.
/// Read-only once the parser has filled it.
/// </summary>
internal sealed class LabelFields : IReadOnlyDictionary<string, string?>
{
    private const int InlineCount = 8;

    /// <summary>Shared by every label that could not be parsed: nothing adds to it.</summary>
    public static readonly LabelFields Empty = new();

    private Entries _inline;
    private int _count;
    private List<KeyValuePair<string, string?>>? _many;
    private Dictionary<string, int>? _index;

    [InlineArray(InlineCount)]
    private struct Entries
    {
        private KeyValuePair<string, string?> _first;
    }

    public int Count => _many?.Count ?? _count;

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys
    {
        get { foreach (var (k, _) in this) yield return k; }
    }

    public IEnumerable<string?> Values
    {
        get { foreach (var (_, v) in this) yield return v; }
    }

    /// <summary>The value at <paramref name="position"/> in reading order (the parser's loop over the values so far).</summary>
    internal string? ValueAt(int position) => _many is { } many ? many[position].Value : _inline[position].Value;

    /// <summary>Sets <paramref name="name"/> (the parser only): a new name goes last, a known one keeps its place.</summary>
    internal void Set(string name, string? value)
    {
        if (_many is { } many)
        {
            if (_index!.TryGetValue(name, out var at)) many[at] = new(name, value);
            else { _index.Add(name, many.Count); many.Add(new(name, value)); }
            return;
        }
        var found = Find(name);
        if (found >= 0) { _inline[found] = new(name, value); return; }
        if (_count < InlineCount) { _inline[_count++] = new(name, value); return; }
        many = new List<KeyValuePair<string, string?>>(InlineCount * 2);
        var index = new Dictionary<string, int>(InlineCount * 2, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++) { index.Add(_inline[i].Key, i); many.Add(_inline[i]); }
        index.Add(name, many.Count);
        many.Add(new(name, value));
        (_many, _index, _inline, _count) = (many, index, default, 0);
    }

    private int Find(string name)
    {
        // The parser passes the shared Annex E names, so a reference compare finds them; Equals covers the rest.
        for (var i = 0; i < _count; i++) if (ReferenceEquals(_inline[i].Key, name)) return i;
        for (var i = 0; i < _count; i++) if (string.Equals(_inline[i].Key, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_many is { } many)
        {
            var found = _index!.TryGetValue(key, out var at);
            value = found ? many[at].Value : null;
            return found;
        }
        var i = Find(key);
        value = i >= 0 ? _inline[i].Value : null;
        return i >= 0;
    }

    /// <summary>A struct enumerator: a foreach over the fields allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, string?>> IEnumerable<KeyValuePair<string, string?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(LabelFields fields) : IEnumerator<KeyValuePair<string, string?>>
    {
        private int _at = -1;

        public readonly KeyValuePair<string, string?> Current =>
            fields._many is { } many ? many[_at] : fields._inline[_at];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_at < fields.Count;

        public void Reset() => _at = -1;

        public readonly void Dispose() { }
    }
}
