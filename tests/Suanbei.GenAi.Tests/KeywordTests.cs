using System.IO.Compression;
using System.Text;
using Suanbei.GenAi.Keywords;

namespace Suanbei.GenAi.Tests;

public class KeywordTests
{
    private static readonly Keyword[] Overlapping =
        [new("中国", ["A.1.2"]), new("国人", ["A.2.3"]), new("中国人", ["A.2.3"]), new("人", ["A.2.9"]), new("中国", ["A.1.3"])];

    [Theory]
    [InlineData(KeywordEngine.AhoCorasick)]
    [InlineData(KeywordEngine.SearchValues)]
    public void Every_occurrence_is_found_overlapping_ones_too(KeywordEngine engine)
    {
        var library = new KeywordLibrary(Overlapping, engine);
        var hits = library.Scan("我是中国人。").Select(h => (h.Start, library.Keywords[h.Keyword].Text)).ToList();
        Assert.Equal([(2, "中国"), (2, "中国人"), (3, "国人"), (4, "人")], hits);
        // The same text listed twice is one keyword with both risks.
        Assert.Equal(["A.1.2", "A.1.3"], library.Keywords.Single(k => k.Text == "中国").Risks);
        Assert.False(library.Contains("今天天气很好"));
    }

    [Fact]
    public void Both_engines_agree_on_random_text()
    {
        var random = new Random(3);
        const string alphabet = "甲乙丙丁戊己庚辛壬癸ab";
        string Word(int min, int max) =>
            new(Enumerable.Range(0, random.Next(min, max)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var keywords = Enumerable.Range(0, 300).Select(i => new Keyword(Word(1, 6), [$"A.1.{i % 8 + 1}"])).ToList();
        var text = Word(20000, 20001);
        var ac = new KeywordLibrary(keywords, KeywordEngine.AhoCorasick);
        var sv = new KeywordLibrary(keywords, KeywordEngine.SearchValues);
        var a = ac.Scan(text).Select(h => (h.Start, ac.Keywords[h.Keyword].Text)).ToList();
        var b = sv.Scan(text).Select(h => (h.Start, sv.Keywords[h.Keyword].Text)).ToList();
        Assert.True(a.Count > 1000);
        Assert.Equal(a, b);
        // And both agree with a naive search.
        var naive = ac.Keywords.Sum(k => Enumerable.Range(0, text.Length - k.Text.Length + 1)
            .Count(i => string.CompareOrdinal(text, i, k.Text, 0, k.Text.Length) == 0));
        Assert.Equal(naive, a.Count);
    }

    [Theory]
    [InlineData(KeywordEngine.AhoCorasick, false)]
    [InlineData(KeywordEngine.SearchValues, true)]
    public void File_scan_reports_byte_offsets_across_chunk_boundaries(KeywordEngine engine, bool gzip)
    {
        using var banks = new TestBanks();
        // Hits placed on every side of the 1 Mi-char chunk boundary, after 3-byte (Chinese) and 4-byte (emoji) chars.
        var sb = new StringBuilder();
        var expected = new List<long>();
        var bytes = 0L;
        void Add(string s) { sb.Append(s); bytes += Encoding.UTF8.GetByteCount(s); }
        Add("😀");
        while (sb.Length < (1 << 20) - 8) Add("文本内容，");
        for (var i = 0; i < 12; i++) { Add("字"); expected.Add(bytes); Add("违禁词语"); }
        Add("结尾");
        var path = banks.Path(gzip ? "t.txt.gz" : "t.txt");
        using (var file = File.Create(path))
        using (Stream s = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file)
            s.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        var library = new KeywordLibrary([new Keyword("违禁词语", ["A.1.8"])], engine);
        var found = new List<long>();
        var total = library.ScanFile(path, (offset, k) => found.Add(offset));
        Assert.Equal(expected, found);
        Assert.Equal(12, total);
        // Each offset points at the keyword's first byte.
        var raw = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.All(found, o => Assert.Equal("违禁词语", Encoding.UTF8.GetString(raw, (int)o, 12)));
    }
}
