using System.IO.Compression;
using System.Text;
using Suanbei.GenAi.Corpus;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Tests;

/// <summary>The chunked, multi-threaded sampler against the line-by-line sampler it replaced: the same items (file,
/// line, text) and the same population, whatever the chunk size, the number of threads and the line ends.</summary>
public class CorpusScanTests
{
    /// <summary>The previous implementation, kept as the reference: every line read in order and offered one by one.</summary>
    private static (List<CorpusItem> Items, long Population) Reference(IReadOnlyList<string> files, int size, int seed)
    {
        var sampler = new ReservoirSampler<(int File, long Line, byte[] Bytes)>(size, seed);
        for (var f = 0; f < files.Count; f++)
        {
            var skipHeader = files[f].EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                || files[f].EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);
            using var stream = CorpusFiles.Open(files[f]);
            using var all = new MemoryStream();
            stream.CopyTo(all);
            var bytes = all.ToArray();
            long line = 0;
            var start = 0;
            while (start < bytes.Length)
            {
                var nl = Array.IndexOf(bytes, (byte)'\n', start);
                var end = nl < 0 ? bytes.Length : nl;
                line++;
                var span = bytes[start..end];
                start = end + 1;
                if (span.Length == 0 || (span.Length == 1 && span[0] == '\r')) continue;
                if (skipHeader && line == 1) continue;
                if (sampler.WantsNext) sampler.Offer((f, line, span));
                else sampler.Pass();
            }
        }
        var items = sampler.Items.OrderBy(x => x.File).ThenBy(x => x.Line)
            .Select(x => new CorpusItem(files[x.File], x.Line, Encoding.UTF8.GetString(x.Bytes).TrimEnd('\r'))).ToList();
        return (items, sampler.Seen);
    }

    /// <summary>Lines of 0–300 bytes with multi-byte characters, empty lines, lone "\r" lines and CRLF ends.</summary>
    private static string Corpus(Random random, int lines, bool finalNewline)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            switch (random.Next(10))
            {
                case 0: break;
                case 1: sb.Append('\r'); break;
                default:
                    sb.Append("第").Append(i).Append("条 ");
                    for (var n = random.Next(random.Next(10) == 0 ? 2000 : 100); n > 0; n--) sb.Append("语料文本é😀x"[random.Next(7)]);
                    if (random.Next(3) == 0) sb.Append('\r');
                    break;
            }
            if (i < lines - 1 || finalNewline) sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Write(TestBanks banks, string name, string content)
    {
        var path = banks.Path(name);
        using var file = File.Create(path);
        using Stream s = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        s.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    /// <summary>Chunk sizes (a stream's chunk; a plain file's piece, rounded up to whole 4 KiB blocks) and segment sizes
    /// that put segments, parts and pieces of one, two or more blocks across the lines, many segments round the ring
    /// of counts (so a thread that gets ahead waits), and the sizes the program uses.</summary>
    [Theory]
    [InlineData(16, 1, 16)]
    [InlineData(16, 2, 16)]
    [InlineData(100, 2, 40_000)]
    [InlineData(4101, 2, 50_000)]
    [InlineData(1 << 18, 2, 1 << 25)]
    [InlineData(1 << 20, 2, 1 << 25)]
    [InlineData(1 << 20, 1, 1 << 25)]
    public void Chunked_sample_is_the_line_by_line_sample(int chunk, int threads, int segment)
    {
        using var banks = new TestBanks();
        var random = new Random(chunk * 3 + threads + segment);
        string[] files =
        [
            Write(banks, "a.jsonl", Corpus(random, 3000, finalNewline: true)),
            Write(banks, "b.txt", Corpus(random, 2000, finalNewline: false)),
            Write(banks, "c.csv", "text,risk\r\n" + Corpus(random, 500, finalNewline: true)),
            Write(banks, "d.jsonl.gz", Corpus(random, 1500, finalNewline: false)),
            Write(banks, "e.csv.gz", "\n" + Corpus(random, 300, finalNewline: true)),   // empty first line: no header
            Write(banks, "f.txt", "\r"),
            Write(banks, "g.txt", ""),
            Write(banks, "h.csv", "only a header"),
        ];
        foreach (var (size, seed) in new[] { (50, 1), (400, 7), (20_000, 3) })
        {
            var expected = Reference(files, size, seed);
            var actual = CorpusSampler.Sample(files, size, seed, chunk, threads, segment);
            Assert.Equal(expected.Population, actual.Population);
            Assert.Equal(expected.Items.Select(i => (i.File, i.Line, i.Text)), actual.Items.Select(i => (i.File, i.Line, i.Text)));
        }
    }

    /// <summary>Kept lines longer than the two blocks read again to find them: their start is searched back and the
    /// line read whole; a last line without a line end is found after the last counted one.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Lines_longer_than_the_blocks_read_again_are_found_whole(int threads)
    {
        using var banks = new TestBanks();
        var random = new Random(threads);
        var sb = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            sb.Append("第").Append(i).Append("条 ");
            sb.Append(random.Next(4) == 0 ? new string("长文本x"[random.Next(4)], random.Next(3000, 30000)) : "短");
            if (i < 299) sb.Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }
        string[] files = [Write(banks, "long.txt", sb.ToString())];
        foreach (var (size, seed) in new[] { (20, 1), (100, 2), (400, 3) })
        {
            var expected = Reference(files, size, seed);
            var actual = CorpusSampler.Sample(files, size, seed, 4096, threads, 4096);
            Assert.Equal(expected.Population, actual.Population);
            Assert.Equal(expected.Items.Select(i => (i.File, i.Line, i.Text)), actual.Items.Select(i => (i.File, i.Line, i.Text)));
        }
    }

    /// <summary>A kept line is read again after the scan: a file cut shorter in between is an I/O error that says so,
    /// not a sample with a part of a line in it.</summary>
    [Fact]
    public void A_file_shortened_after_the_scan_is_an_error_not_a_shorter_line()
    {
        using var banks = new TestBanks();
        var path = Write(banks, "cut.txt", string.Concat(Enumerable.Repeat("第一条语料\n", 2000)));
        var scanned = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Open)) file.SetLength(scanned / 2);
        using var handle = File.OpenHandle(path);
        var window = new byte[CorpusLineScanner.WindowBytes];
        var lastBlock = (scanned - 1) / LineCounter.Block * LineCounter.Block;
        var e = Assert.Throws<IOException>(() =>
            CorpusLineScanner.ReadLine(handle, scanned, new SampledLine(0, 0, lastBlock, 0, null), window));
        Assert.Contains("语料文件在读取时变短了", e.Message);
    }

    [Fact]
    public void Line_counts_match_a_plain_count_at_every_alignment()
    {
        var random = new Random(5);
        var data = new byte[2 + 5000];
        data[0] = data[1] = (byte)'\n';
        for (var i = 2; i < data.Length; i++) data[i] = (byte)"\n\r\nab\n\n\rc"[random.Next(9)];
        for (var from = 2; from < 200; from += 7)
            for (var to = from; to < data.Length; to += 331)
            {
                int newlines = 0, nonEmpty = 0;
                for (var i = from; i < to; i++)
                    if (data[i] == '\n')
                    {
                        newlines++;
                        if (!(data[i - 1] == '\n' || (data[i - 1] == '\r' && data[i - 2] == '\n'))) nonEmpty++;
                    }
                Assert.Equal((newlines, nonEmpty), LineCounter.Count(data, from, to));
            }
    }

    /// <summary>Long lines with an empty line, a CRLF end or a lone "\r" line here and there: most blocks have no "\n"
    /// right after a "\n" or a "\r" and take the fast count, the others the exact one; both give the plain count,
    /// per block and over ranges longer than a block.</summary>
    [Fact]
    public void Line_counts_match_a_plain_count_where_empty_lines_are_rare()
    {
        var random = new Random(11);
        var data = new byte[2 + 40 * LineCounter.Block + 123];
        data[0] = data[1] = (byte)'\n';
        for (var i = 2; i < data.Length; i++) data[i] = random.Next(120) == 0 ? (byte)'\n' : (byte)'x';
        string[] rare = ["\n\n", "\r\n", "\n\r\n", "\n\r\n\r\n", "\r", "\n\n\n"];
        for (var n = 0; n < 12; n++)
        {
            var at = 2 + random.Next(data.Length - 10);
            Encoding.ASCII.GetBytes(rare[n % rare.Length]).CopyTo(data, at);
        }
        (int, int) Plain(int from, int to)
        {
            int newlines = 0, nonEmpty = 0;
            for (var i = from; i < to; i++)
                if (data[i] == '\n')
                {
                    newlines++;
                    if (!(data[i - 1] == '\n' || (data[i - 1] == '\r' && data[i - 2] == '\n'))) nonEmpty++;
                }
            return (newlines, nonEmpty);
        }
        foreach (var from in new[] { 2, 3, 65, 4000 })
        {
            var blocks = (data.Length - from + LineCounter.Block - 1) / LineCounter.Block;
            var (lines, nonEmptyLines) = (new int[blocks], new int[blocks]);
            LineCounter.CountBlocks(data, from, data.Length, lines, nonEmptyLines);
            for (var b = 0; b < blocks; b++)
            {
                var start = from + b * LineCounter.Block;
                Assert.Equal(Plain(start, Math.Min(data.Length, start + LineCounter.Block)), (lines[b], nonEmptyLines[b]));
            }
            Assert.Equal(Plain(from, data.Length), LineCounter.Count(data, from, data.Length));
        }
    }
}
