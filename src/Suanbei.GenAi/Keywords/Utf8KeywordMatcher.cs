using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Suanbei.GenAi.Keywords;

/// <summary>
/// An Aho–Corasick automaton over the keywords' UTF-8 bytes: files are scanned without decoding and offsets come out in
/// bytes. UTF-8 is self-synchronising, so on valid text the hits are exactly those of the UTF-16 automaton.
/// States are numbered breadth-first; the first <see cref="DenseRows"/> (those nearest the root, where a text spends
/// nearly all its time) have a full 256-entry row with the failures folded in, so a byte costs one table load there.
/// Deeper states keep their children (contiguous ids, searched by their edge byte) and a failure link. At the root a
/// vectorised search skips to the next byte that can start a keyword, while that skips most of the text.
/// </summary>
public sealed class Utf8KeywordMatcher
{
    /// <summary>Rows of the dense table (4 MiB): covers the root and the first one or two characters of CJK keywords.</summary>
    internal const int DenseRows = 4096;

    // A dense entry with this bit set leads to a state that reports a keyword.
    private const int Reports = int.MinValue;

    // The skip at the root pays while it jumps far; when it keeps stopping after a few bytes (start bytes are common in
    // this text) it is switched off for a stretch of text, then tried again.
    private const int SkipCreditFloor = -2048;
    private const int PlainStretch = 1 << 16;

    private readonly int[] _dense;
    private readonly int _denseCount;
    private readonly int[] _firstChild;
    private readonly int[] _childCount;
    private readonly byte[] _label;     // the byte on the edge into each state
    private readonly int[] _fail;
    private readonly int[] _keywordAt;  // keyword ending at this state, or -1
    private readonly int[] _outputLink; // nearest state on the failure chain with a keyword, or 0
    private readonly int[] _depth;      // in bytes
    private readonly SearchValues<byte> _startBytes;

    /// <summary>The automaton's states (the root and one per distinct keyword prefix).</summary>
    internal int StateCount => _label.Length;

    /// <summary>The longest keyword's length in bytes (a chunked scan keeps one less as overlap).</summary>
    public int MaxLength { get; }

    /// <summary>Builds the automaton with no allocation per keyword or per state: the keywords' bytes in one array, a
    /// trie laid out from the keywords in sorted order, renumbered breadth-first, then failure links and dense rows in
    /// one breadth-first pass over arrays.</summary>
    public Utf8KeywordMatcher(IReadOnlyList<Keyword> keywords)
    {
        // Every keyword's UTF-8 bytes, one after another.
        var offsets = new int[keywords.Count + 1];
        for (var k = 0; k < keywords.Count; k++) offsets[k + 1] = offsets[k] + Encoding.UTF8.GetByteCount(keywords[k].Text);
        var bytes = new byte[offsets[^1]];
        var maxLength = 1;
        for (var k = 0; k < keywords.Count; k++)
        {
            Encoding.UTF8.GetBytes(keywords[k].Text, bytes.AsSpan(offsets[k]));
            maxLength = Math.Max(maxLength, offsets[k + 1] - offsets[k]);
        }
        MaxLength = maxLength;
        ReadOnlySpan<byte> Bytes(int k) => bytes.AsSpan(offsets[k], offsets[k + 1] - offsets[k]);

        // Keywords in byte order (the first of equal ones first): each adds the states beyond its common prefix with the
        // one before, so a state's children are created in byte order and no lookup is needed (depth-first numbering).
        var sorted = new int[keywords.Count];
        for (var k = 0; k < sorted.Length; k++) sorted[k] = k;
        Array.Sort(sorted, (a, b) =>
        {
            var c = Bytes(a).SequenceCompareTo(Bytes(b));
            return c != 0 ? c : a.CompareTo(b);
        });
        var capacity = bytes.Length + 1;
        var parent = new int[capacity];
        var edge = new byte[capacity];
        var keywordAtTrie = new int[capacity];
        var path = new int[maxLength + 1];   // the states along the previous keyword
        keywordAtTrie[0] = -1;
        parent[0] = -1;
        var n = 1;
        var previous = ReadOnlySpan<byte>.Empty;
        foreach (var k in sorted)
        {
            var word = Bytes(k);
            if (word.IsEmpty) continue;
            var common = word.CommonPrefixLength(previous);
            for (var d = common; d < word.Length; d++)
            {
                (parent[n], edge[n], keywordAtTrie[n]) = (path[d], word[d], -1);
                path[d + 1] = n++;
            }
            if (keywordAtTrie[path[word.Length]] < 0) keywordAtTrie[path[word.Length]] = k;
            previous = word;
        }

        // Children of each trie state, in creation order, which is byte order (counting sort by parent).
        var childrenOf = new int[n + 1];
        for (var s = 1; s < n; s++) childrenOf[parent[s] + 1]++;
        for (var s = 0; s < n; s++) childrenOf[s + 1] += childrenOf[s];
        var children = new int[Math.Max(0, n - 1)];
        var fill = childrenOf[..n];
        for (var s = 1; s < n; s++) children[fill[parent[s]]++] = s;

        // Renumber breadth-first: a state's children get consecutive ids, so they are found by id range and byte.
        var order = new int[n];
        _firstChild = new int[n];
        _childCount = new int[n];
        _label = new byte[n];
        _keywordAt = new int[n];
        _depth = new int[n];
        var nextId = 1;
        for (var id = 0; id < n; id++)
        {
            var old = order[id];
            _keywordAt[id] = keywordAtTrie[old];
            _firstChild[id] = nextId;
            _childCount[id] = childrenOf[old + 1] - childrenOf[old];
            for (var c = childrenOf[old]; c < childrenOf[old + 1]; c++)
            {
                order[nextId] = children[c];
                _label[nextId] = edge[children[c]];
                _depth[nextId] = _depth[id] + 1;
                nextId++;
            }
        }

        // Breadth-first: a state's failure (a shallower state, so already complete) gives its children's failures by
        // one move of the automaton; its dense row is its failure's row with its own children written over it.
        _fail = new int[n];
        _outputLink = new int[n];
        _denseCount = Math.Min(n, DenseRows);
        _dense = new int[_denseCount << 8];
        for (var s = 0; s < n; s++)
        {
            var (first, end) = (_firstChild[s], _firstChild[s] + _childCount[s]);
            for (var c = first; c < end; c++)
            {
                var target = s == 0 ? 0 : SparseStep(_fail[s], _label[c]) & int.MaxValue;
                _fail[c] = target;
                _outputLink[c] = _keywordAt[target] >= 0 ? target : _outputLink[target];
            }
            if (s >= _denseCount) continue;
            var row = _dense.AsSpan(s << 8, 256);
            if (s != 0) _dense.AsSpan(_fail[s] << 8, 256).CopyTo(row);
            for (var c = first; c < end; c++) row[_label[c]] = Encode(c);
        }
        var starts = new byte[_childCount[0]];
        for (var c = 0; c < starts.Length; c++) starts[c] = _label[_firstChild[0] + c];
        _startBytes = SearchValues.Create(starts);
    }

    private int Encode(int state) => _keywordAt[state] >= 0 || _outputLink[state] > 0 ? state | Reports : state;

    /// <summary>The trie child of a state on a byte, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Child(int state, byte b)
    {
        int lo = _firstChild[state], hi = lo + _childCount[state] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _label[mid];
            if (m == b) return mid;
            if (m < b) lo = mid + 1; else hi = mid - 1;
        }
        return 0;
    }

    /// <summary>The automaton's move from a state without a dense row, encoded like a dense entry.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int SparseStep(int state, byte b)
    {
        while (state >= _denseCount)
        {
            var c = Child(state, b);
            if (c > 0) return Encode(c);
            state = _fail[state];
        }
        return _dense[(state << 8) | b];
    }

    /// <summary>Adds every hit that starts before <paramref name="startsBelow"/> to <paramref name="hits"/>, offsets
    /// in bytes relative to <paramref name="text"/> plus <paramref name="baseOffset"/>, in order of start then keyword.</summary>
    // Compiled fully optimised at once: a scan is one short process, and the tiers in between (with their
    // instrumentation) cost more than the compile.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FindAll(ReadOnlySpan<byte> text, int startsBelow, long baseOffset, List<KeywordHit> hits)
    {
        if (_childCount[0] == 0) return;
        var first = hits.Count;
        ref var dense = ref MemoryMarshal.GetArrayDataReference(_dense);
        var denseCount = _denseCount;
        var state = 0;
        var credit = 0;
        var plainUntil = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (state == 0 && i >= plainUntil)
            {
                var skip = text[i..].IndexOfAny(_startBytes);
                if (skip < 0) break;
                i += skip;
                credit = Math.Min(credit + skip - 16, 4096);
                if (credit < SkipCreditFloor) { plainUntil = i + PlainStretch; credit = 0; }
            }
            var b = text[i];
            var t = state < denseCount ? Unsafe.Add(ref dense, (state << 8) | b) : SparseStep(state, b);
            state = t & int.MaxValue;
            if (t < 0) Report(state, i, startsBelow, baseOffset, hits);
        }
        // Found in order of end; reported in order of start (and keyword) like the UTF-16 matchers.
        if (!Sorted(hits, first))
            hits.Sort(first, hits.Count - first, Comparer<KeywordHit>.Create((a, b) =>
                a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Keyword.CompareTo(b.Keyword)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Report(int state, int end, int startsBelow, long baseOffset, List<KeywordHit> hits)
    {
        for (var o = _keywordAt[state] >= 0 ? state : _outputLink[state]; o > 0; o = _outputLink[o])
        {
            var start = end - _depth[o] + 1;
            if (start < startsBelow) hits.Add(new KeywordHit(baseOffset + start, _keywordAt[o]));
        }
    }

    private static bool Sorted(List<KeywordHit> hits, int first)
    {
        for (var i = first + 1; i < hits.Count; i++)
        {
            var (a, b) = (hits[i - 1], hits[i]);
            if (a.Start > b.Start || (a.Start == b.Start && a.Keyword > b.Keyword)) return false;
        }
        return true;
    }
}
