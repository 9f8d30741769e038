namespace Suanbei.GenAi.Keywords;

/// <summary>
/// An Aho–Corasick automaton over UTF-16 code units. The root has a dense 64K transition table (most characters of a
/// text lead back to it); other states keep sorted child arrays searched by binary search.
/// </summary>
public sealed class AhoCorasickMatcher : IKeywordMatcher
{
    private readonly int[] _root = new int[char.MaxValue + 1];
    private readonly int[] _childStart;   // per state: first index into _childChar/_childState
    private readonly int[] _childCount;
    private readonly char[] _childChar;
    private readonly int[] _childState;
    private readonly int[] _fail;
    private readonly int[] _keywordAt;    // keyword ending at this state, or -1
    private readonly int[] _outputLink;   // nearest state on the failure chain with a keyword, or -1
    private readonly int[] _depth;

    public IReadOnlyList<Keyword> Keywords { get; }
    public int MaxLength { get; }

    public AhoCorasickMatcher(IReadOnlyList<Keyword> keywords)
    {
        Keywords = keywords;
        MaxLength = keywords.Count == 0 ? 1 : keywords.Max(k => k.Text.Length);
        // Build a trie with dictionaries, then freeze it into arrays.
        var children = new List<SortedDictionary<char, int>> { new() };
        var keywordAt = new List<int> { -1 };
        var depth = new List<int> { 0 };
        for (var k = 0; k < keywords.Count; k++)
        {
            var state = 0;
            foreach (var c in keywords[k].Text)
            {
                if (!children[state].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add(new());
                    keywordAt.Add(-1);
                    depth.Add(depth[state] + 1);
                    children[state][c] = next;
                }
                state = next;
            }
            if (state != 0 && keywordAt[state] < 0) keywordAt[state] = k;
        }
        var n = children.Count;
        _childStart = new int[n];
        _childCount = new int[n];
        _childChar = new char[n];
        _childState = new int[n];
        var at = 0;
        for (var s = 0; s < n; s++)
        {
            _childStart[s] = at;
            _childCount[s] = children[s].Count;
            foreach (var (c, t) in children[s]) { _childChar[at] = c; _childState[at] = t; at++; }
        }
        foreach (var (c, t) in children[0]) _root[c] = t;
        _keywordAt = keywordAt.ToArray();
        _depth = depth.ToArray();
        _fail = new int[n];
        _outputLink = new int[n];
        _outputLink[0] = -1;
        // Breadth-first: a state's failure is the longest proper suffix that is also a trie path.
        var queue = new Queue<int>();
        foreach (var (_, t) in children[0]) { _fail[t] = 0; _outputLink[t] = -1; queue.Enqueue(t); }
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var (c, t) in children[s])
            {
                var f = _fail[s];
                int g;
                while ((g = Goto(f, c)) < 0) f = _fail[f];
                _fail[t] = g;
                _outputLink[t] = _keywordAt[g] >= 0 ? g : _outputLink[g];
                queue.Enqueue(t);
            }
        }
    }

    /// <summary>The transition, or -1 (the root never fails: it loops to itself).</summary>
    private int Goto(int state, char c)
    {
        if (state == 0) return _root[c];
        int lo = _childStart[state], hi = lo + _childCount[state] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _childChar[mid];
            if (m == c) return _childState[mid];
            if (m < c) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    public void FindAll(ReadOnlySpan<char> text, int startsBelow, long baseOffset, List<KeywordHit> hits)
    {
        var first = hits.Count;
        var state = 0;
        var root = _root;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int next;
            if (state == 0) next = root[c];
            else
            {
                while ((next = Goto(state, c)) < 0) state = _fail[state];
            }
            state = next;
            if (state == 0) continue;
            for (var o = _keywordAt[state] >= 0 ? state : _outputLink[state]; o > 0; o = _outputLink[o])
            {
                var start = i - _depth[o] + 1;
                if (start < startsBelow) hits.Add(new KeywordHit(baseOffset + start, _keywordAt[o]));
            }
        }
        // Found in order of end; reported in order of start like the other matcher.
        if (hits.Count - first > 1)
            hits.Sort(first, hits.Count - first, Comparer<KeywordHit>.Create((a, b) =>
                a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Keyword.CompareTo(b.Keyword)));
    }
}
