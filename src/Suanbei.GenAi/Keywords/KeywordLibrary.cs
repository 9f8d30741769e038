using System.Text;
using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Keywords;

/// <summary>
/// The keyword library as a run-time interceptor: the keywords (one entry per distinct text, risks merged) behind the
/// faster matcher (<see cref="AhoCorasickMatcher"/>, measured against <see cref="SearchValuesMatcher"/> in
/// BENCHMARKS.md), with scans of strings and of files of any size. Files are matched on their UTF-8 bytes
/// (<see cref="Utf8KeywordMatcher"/>, split over the cores) unless the <see cref="KeywordEngine.SearchValues"/> engine is
/// chosen for comparison. Each matcher is built on first use.
/// </summary>
public sealed class KeywordLibrary
{
    private const int ChunkChars = 1 << 20;

    private readonly Lazy<IKeywordMatcher> _matcher;
    private readonly Lazy<Utf8KeywordMatcher> _utf8;
    private readonly KeywordEngine _engine;

    public KeywordLibrary(IEnumerable<Keyword> keywords, KeywordEngine engine = KeywordEngine.AhoCorasick)
    {
        var merged = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var k in keywords)
        {
            if (k.Text.Length == 0) continue;
            if (!merged.TryGetValue(k.Text, out var risks)) { merged[k.Text] = risks = []; order.Add(k.Text); }
            foreach (var r in k.Risks) if (!risks.Contains(r)) risks.Add(r);
        }
        var list = order.Select(t => new Keyword(t, merged[t])).ToList();
        Keywords = list;
        _engine = engine;
        _matcher = new(() => engine == KeywordEngine.SearchValues ? new SearchValuesMatcher(list) : new AhoCorasickMatcher(list));
        _utf8 = new(() => new Utf8KeywordMatcher(list));
    }

    /// <summary>The keywords of a keyword bank (rows without text are left out; validation reports them).</summary>
    public static KeywordLibrary FromBank(BankFile bank, KeywordEngine engine = KeywordEngine.AhoCorasick) =>
        new(bank.Items.Select(i => new Keyword(i.Text, i.Codes)), engine);

    public IReadOnlyList<Keyword> Keywords { get; }

    /// <summary>The matcher over UTF-16 text (strings).</summary>
    public IKeywordMatcher Matcher => _matcher.Value;

    /// <summary>The matcher over UTF-8 bytes (files).</summary>
    public Utf8KeywordMatcher Utf8Matcher => _utf8.Value;

    /// <summary>Every hit in a string, offsets in UTF-16 code units.</summary>
    public List<KeywordHit> Scan(ReadOnlySpan<char> text)
    {
        var hits = new List<KeywordHit>();
        Matcher.FindAll(text, text.Length, 0, hits);
        return hits;
    }

    /// <summary>Every hit in UTF-8 text, offsets in bytes.</summary>
    public List<KeywordHit> Scan(ReadOnlySpan<byte> utf8)
    {
        var hits = new List<KeywordHit>();
        Utf8Matcher.FindAll(utf8, utf8.Length, 0, hits);
        return hits;
    }

    /// <summary>Whether a string contains any keyword.</summary>
    public bool Contains(ReadOnlySpan<char> text) => Scan(text).Count > 0;

    /// <summary>Scans a UTF-8 text file (gzip too) and calls <paramref name="onHit"/> with each hit's byte offset in the
    /// decompressed text (after a byte-order mark) and its keyword, in order of offset; returns the number of hits.</summary>
    public long ScanFile(string path, Action<long, Keyword> onHit) =>
        ScanFile(path, onHit, KeywordFileScanner.SegmentBytes, Environment.ProcessorCount);

    /// <summary>As <see cref="ScanFile(string, Action{long, Keyword})"/> with the segment size and the number of
    /// threads given (tests make segments small to put keywords across their boundaries).</summary>
    internal long ScanFile(string path, Action<long, Keyword> onHit, int segmentBytes, int threads)
    {
        if (_engine == KeywordEngine.SearchValues) return ScanDecoded(path, onHit);
        var scanned = KeywordFileScanner.Scan(Utf8Matcher, path, (offset, k) => onHit(offset, Keywords[k]), segmentBytes, threads);
        return scanned ?? ScanDecoded(path, onHit);
    }

    /// <summary>Decodes to UTF-16 and scans with <see cref="Matcher"/>: the comparison engine's path, and the path for a
    /// file that starts with a UTF-16 or UTF-32 byte-order mark.</summary>
    private long ScanDecoded(string path, Action<long, Keyword> onHit)
    {
        using var stream = CorpusFiles.Open(path);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var overlap = Matcher.MaxLength - 1;
        var buffer = new char[ChunkChars + overlap + 1];
        var hits = new List<KeywordHit>();
        int carried = 0;
        long byteBase = 0, total = 0;
        while (true)
        {
            var read = reader.ReadBlock(buffer, carried, ChunkChars);
            var length = carried + read;
            var last = read < ChunkChars;
            var limit = last ? length : length - overlap;
            // Never split a surrogate pair between the reported part and the carried part.
            if (!last && limit > 0 && char.IsHighSurrogate(buffer[limit - 1])) limit--;
            hits.Clear();
            Matcher.FindAll(buffer.AsSpan(0, length), limit, 0, hits);
            var counted = 0;
            long bytes = byteBase;
            foreach (var hit in hits)
            {
                bytes += Encoding.UTF8.GetByteCount(buffer.AsSpan(counted, (int)hit.Start - counted));
                counted = (int)hit.Start;
                onHit(bytes, Matcher.Keywords[hit.Keyword]);
            }
            total += hits.Count;
            byteBase = bytes + Encoding.UTF8.GetByteCount(buffer.AsSpan(counted, limit - counted));
            if (last) break;
            carried = length - limit;
            Array.Copy(buffer, limit, buffer, 0, carried);
        }
        return total;
    }
}
