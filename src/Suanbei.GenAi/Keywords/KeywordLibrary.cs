using System.Text;
using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Keywords;

/// <summary>
/// The keyword library as a run-time interceptor: the keywords (one entry per distinct text, risks merged) behind the
/// faster matcher (<see cref="AhoCorasickMatcher"/>, measured against <see cref="SearchValuesMatcher"/> in
/// BENCHMARKS.md), with scans of strings and of files of any size.
/// </summary>
public sealed class KeywordLibrary
{
    private const int ChunkChars = 1 << 20;

    public IKeywordMatcher Matcher { get; }

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
        Matcher = engine == KeywordEngine.SearchValues ? new SearchValuesMatcher(list) : new AhoCorasickMatcher(list);
    }

    /// <summary>The keywords of a keyword bank (rows without text are left out; validation reports them).</summary>
    public static KeywordLibrary FromBank(BankFile bank, KeywordEngine engine = KeywordEngine.AhoCorasick) =>
        new(bank.Items.Select(i => new Keyword(i.Text, i.Codes)), engine);

    public IReadOnlyList<Keyword> Keywords => Matcher.Keywords;

    /// <summary>Every hit in a string, offsets in UTF-16 code units.</summary>
    public List<KeywordHit> Scan(ReadOnlySpan<char> text)
    {
        var hits = new List<KeywordHit>();
        Matcher.FindAll(text, text.Length, 0, hits);
        return hits;
    }

    /// <summary>Whether a string contains any keyword.</summary>
    public bool Contains(ReadOnlySpan<char> text) => Scan(text).Count > 0;

    /// <summary>Streams a UTF-8 text file (gzip too) and calls <paramref name="onHit"/> with each hit's byte offset in the
    /// decompressed text and its keyword, in order; returns the number of hits.</summary>
    public long ScanFile(string path, Action<long, Keyword> onHit)
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
