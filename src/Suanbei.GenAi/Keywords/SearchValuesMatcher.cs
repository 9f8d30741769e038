using System.Buffers;

namespace Suanbei.GenAi.Keywords;

/// <summary>
/// The BCL's vectorised multi-string search (<see cref="SearchValues{T}"/> of strings) finds the next position where
/// some keyword starts; a lookup per distinct keyword length then says which keywords start there.
/// </summary>
public sealed class SearchValuesMatcher : IKeywordMatcher
{
    private readonly SearchValues<string> _values;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _lengths;

    public IReadOnlyList<Keyword> Keywords { get; }
    public int MaxLength { get; }

    public SearchValuesMatcher(IReadOnlyList<Keyword> keywords)
    {
        Keywords = keywords;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < keywords.Count; k++)
            if (keywords[k].Text.Length > 0) index.TryAdd(keywords[k].Text, k);
        _values = SearchValues.Create(index.Keys.ToArray(), StringComparison.Ordinal);
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = index.Keys.Select(k => k.Length).Distinct().Order().ToArray();
        MaxLength = _lengths.Length == 0 ? 1 : _lengths[^1];
    }

    public void FindAll(ReadOnlySpan<char> text, int startsBelow, long baseOffset, List<KeywordHit> hits)
    {
        if (_lengths.Length == 0) return;
        var pos = 0;
        while (pos < startsBelow)
        {
            var found = text[pos..].IndexOfAny(_values);
            if (found < 0) return;
            pos += found;
            if (pos >= startsBelow) return;
            var first = hits.Count;
            foreach (var length in _lengths)
            {
                if (pos + length > text.Length) break;
                if (_lookup.TryGetValue(text.Slice(pos, length), out var k)) hits.Add(new KeywordHit(baseOffset + pos, k));
            }
            if (hits.Count - first > 1)
                hits.Sort(first, hits.Count - first, Comparer<KeywordHit>.Create((a, b) => a.Keyword.CompareTo(b.Keyword)));
            pos++;
        }
    }
}
