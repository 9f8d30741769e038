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
        // Trie edges in one hash table keyed by (state, char), then frozen into sorted arrays: a dictionary per state
        // costs more to build than scanning 100 MB costs.
        var edges = new Dictionary<long, int>();
        var keywordAt = new List<int> { -1 };
        var depth = new List<int> { 0 };
        var edgeList = new List<(int From, char C, int To)>();
        for (var k = 0; k < keywords.Count; k++)
        {
            var state = 0;
            foreach (var c in keywords[k].Text)
            {
                var key = ((long)state << 16) | c;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = keywordAt.Count;
                    keywordAt.Add(-1);
                    depth.Add(depth[state] + 1);
                    edges[key] = next;
                    edgeList.Add((state, c, next));
                }
                state = next;
            }
            if (state != 0 && keywordAt[state] < 0) keywordAt[state] = k;
        }
        var n = keywordAt.Count;
        edgeList.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.C.CompareTo(b.C));
        _childStart = new int[n];
        _childCount = new int[n];
        _childChar = new char[edgeList.Count];
        _childState = new int[edgeList.Count];
        for (var e = 0; e < edgeList.Count; e++)
        {
            var (from, c, to) = edgeList[e];
            if (_childCount[from]++ == 0) _childStart[from] = e;
            _childChar[e] = c;
            _childState[e] = to;
            if (from == 0) _root[c] = to;
        }
        _keywordAt = keywordAt.ToArray();
        _depth = depth.ToArray();
        _fail = new int[n];
        _outputLink = new int[n];
        _outputLink[0] = -1;
        // Breadth-first: a state's failure is the longest proper suffix that is also a trie path.
        var queue = new Queue<int>();
        for (var e = 0; e < _childCount[0]; e++) { var t = _childState[_childStart[0] + e]; _outputLink[t] = -1; queue.Enqueue(t); }
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            for (var e = _childStart[s]; e < _childStart[s] + _childCount[s]; e++)
            {
                var (c, t) = (_childChar[e], _childState[e]);
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
