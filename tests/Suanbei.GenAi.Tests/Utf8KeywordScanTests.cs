using System.IO.Compression;
using System.Text;
using Suanbei.GenAi.Keywords;

namespace Suanbei.GenAi.Tests;

/// <summary>The UTF-8 automaton and the segmented, multi-threaded file scan against the UTF-16 automaton and a naive
/// search: the same hits, in the same order, at the same byte offsets.</summary>
public class Utf8KeywordScanTests
{
    // One-, two-, three- and four-byte characters, so keywords and segment cuts fall inside and between them.
    private const string Alphabet = "ab中国人é😀民";

    private static string Word(Random random, int min, int max)
    {
        var sb = new StringBuilder();
        var length = random.Next(min, max);
        while (sb.Length < length) sb.Append(char.ConvertFromUtf32(char.ConvertToUtf32(Alphabet, Pick(random))));
        return sb.ToString();
    }

    private static int Pick(Random random)
    {
        int i;
        do i = random.Next(Alphabet.Length); while (char.IsLowSurrogate(Alphabet[i]));
        return i;
    }

    /// <summary>Every occurrence of every keyword by plain byte search, in order of start then keyword.</summary>
    private static List<(long, int)> Naive(IReadOnlyList<Keyword> keywords, byte[] text, IEnumerable<int>? only = null)
    {
        var hits = new List<(long, int)>();
        foreach (var k in only ?? Enumerable.Range(0, keywords.Count))
        {
            var needle = Encoding.UTF8.GetBytes(keywords[k].Text);
            for (var at = text.AsSpan().IndexOf(needle); at >= 0;)
            {
                hits.Add((at, k));
                var next = text.AsSpan(at + 1).IndexOf(needle);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
        return [.. hits.OrderBy(h => h.Item1).ThenBy(h => h.Item2)];
    }

    /// <summary>The UTF-16 automaton's hits with their offsets turned into bytes.</summary>
    private static List<(long, int)> Utf16(KeywordLibrary library, string text) =>
        [.. library.Scan(text).Select(h => ((long)Encoding.UTF8.GetByteCount(text.AsSpan(0, (int)h.Start)), h.Keyword))];

    [Fact]
    public void An_automaton_with_more_states_than_dense_rows_agrees_with_a_naive_search()
    {
        // Thousands of keywords over a small alphabet: most states are deeper than the dense rows, so failures are
        // found through the sparse states too. A repeated keyword reports under its first index; an empty one never.
        var random = new Random(11);
        var keywords = Enumerable.Range(0, 3000).Select(_ => new Keyword(Word(random, 2, 9), ["A.1.1"])).ToList();
        var distinct = keywords.Select(k => k.Text).Distinct().Count();
        keywords.AddRange([new Keyword("", ["A.1.1"]), keywords[5], keywords[0]]);
        var matcher = new Utf8KeywordMatcher(keywords);
        Assert.True(matcher.StateCount > Utf8KeywordMatcher.DenseRows * 2, $"{matcher.StateCount} states");
        var sb = new StringBuilder();
        while (sb.Length < 300_000) sb.Append(random.Next(4) == 0 ? keywords[random.Next(3000)].Text : Word(random, 1, 4));
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var hits = new List<KeywordHit>();
        matcher.FindAll(bytes, bytes.Length, 0, hits);
        var firstIndex = keywords.Take(3000).Select((k, i) => (k.Text, i)).GroupBy(x => x.Text).Select(g => g.First().i).ToList();
        Assert.Equal(distinct, firstIndex.Count);
        var naive = Naive(keywords, bytes, firstIndex);
        Assert.True(naive.Count > 20_000, $"{naive.Count} hits");
        Assert.Equal(naive, hits.Select(h => (h.Start, h.Keyword)).ToList());
    }

    [Theory]
    [InlineData(1, 1)]      // start bytes everywhere: the root's skip switches itself off and on
    [InlineData(2, 40)]     // rare start bytes: the skip jumps far
    public void Utf8_matcher_agrees_with_the_utf16_matcher_and_a_naive_search(int seed, int fillerRun)
    {
        var random = new Random(seed);
        var keywords = Enumerable.Range(0, 200).Select(i => new Keyword(Word(random, 1, 7), [$"A.1.{i % 8 + 1}"])).ToList();
        var sb = new StringBuilder();
        while (sb.Length < 400_000)
        {
            sb.Append(Word(random, 1, 6));
            sb.Append('。', random.Next(fillerRun));
        }
        var text = sb.ToString();
        var library = new KeywordLibrary(keywords);
        var bytes = Encoding.UTF8.GetBytes(text);
        var utf8 = library.Scan(bytes).Select(h => (h.Start, h.Keyword)).ToList();
        Assert.True(utf8.Count > 10_000, $"{utf8.Count} hits");
        Assert.Equal(Naive(library.Keywords, bytes), utf8);
        Assert.Equal(Utf16(library, text), utf8);
    }

    [Theory]
    [InlineData(7, 1, false, false)]
    [InlineData(7, 2, false, true)]
    [InlineData(64, 2, false, false)]
    [InlineData(1000, 2, true, false)]
    [InlineData(13, 1, true, true)]
    [InlineData(1 << 20, 2, false, false)]
    public void File_scan_finds_keywords_across_segment_cuts_in_file_order(int segment, int threads, bool gzip, bool bom)
    {
        using var banks = new TestBanks();
        var random = new Random(segment + threads);
        var keywords = Enumerable.Range(0, 60).Select(_ => new Keyword(Word(random, 2, 6), ["A.2.1"])).ToList();
        var sb = new StringBuilder();
        while (sb.Length < 60_000) sb.Append(Word(random, 1, 5)).Append('，');
        var text = sb.ToString();
        var bytes = Encoding.UTF8.GetBytes(text);
        var path = banks.Path(gzip ? "t.txt.gz" : "t.txt");
        using (var file = File.Create(path))
        using (Stream s = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file)
        {
            if (bom) s.Write([0xEF, 0xBB, 0xBF]);
            s.Write(bytes);
        }
        var library = new KeywordLibrary(keywords);
        var found = new List<(long, int)>();
        var keywordIndex = library.Keywords.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var total = library.ScanFile(path, (offset, k) => found.Add((offset, keywordIndex[k])), segment, threads);
        var expected = Naive(library.Keywords, bytes);
        Assert.True(expected.Count > 1000, $"{expected.Count} hits");
        Assert.Equal(expected, found);
        Assert.Equal(expected.Count, total);
        // The decoding engine reports the same offsets (after a byte-order mark, as documented).
        var decoded = new KeywordLibrary(keywords, KeywordEngine.SearchValues);
        var viaChars = new List<long>();
        decoded.ScanFile(path, (offset, _) => viaChars.Add(offset));
        Assert.Equal(expected.Select(e => e.Item1), viaChars);
    }

    [Fact]
    public void A_utf16_file_is_decoded_rather_than_matched_as_bytes()
    {
        using var banks = new TestBanks();
        var path = banks.Path("u16.txt");
        File.WriteAllText(path, "开头违禁词，结尾", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var library = new KeywordLibrary([new Keyword("违禁词", ["A.1.8"])]);
        var found = new List<long>();
        Assert.Equal(1, library.ScanFile(path, (offset, _) => found.Add(offset)));
        Assert.Equal([6L], found);
    }

    [Fact]
    public void No_keywords_and_an_empty_file_give_no_hits()
    {
        using var banks = new TestBanks();
        var empty = banks.Write("empty.txt", "");
        Assert.Equal(0, new KeywordLibrary([new Keyword("词", [])]).ScanFile(empty, (_, _) => Assert.Fail("no hit")));
        var text = banks.Write("t.txt", "任何文本");
        Assert.Equal(0, new KeywordLibrary([]).ScanFile(text, (_, _) => Assert.Fail("no hit")));
    }
}
