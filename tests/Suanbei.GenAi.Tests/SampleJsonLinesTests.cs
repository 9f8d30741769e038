using System.IO.Compression;
using System.Text;
using Suanbei.GenAi.Corpus;

namespace Suanbei.GenAi.Tests;

/// <summary>The sample written straight from the kept lines' bytes (<see cref="CorpusSampler.SampleTo(IReadOnlyList{string},
/// int, int, string)"/>) against the items decoded and written by the JSON writer (<see cref="CorpusSampler.Write"/>):
/// the same bytes, for every kind of line, whatever the threads and batches.</summary>
public class SampleJsonLinesTests
{
    /// <summary>Lines that need escaping, unescaping or decoding next to lines that are copied as they are.</summary>
    private static readonly string[] Kinds =
    [
        "{\"id\":1,\"text\":\"普通的语料\"}",
        "纯文本一行，没有 JSON",
        "{\"text\":\"带\\\"引号\\\"和\\\\反斜杠\"}",
        "{\"text\":\"转义 \\u4e2d \\n 换行\"}",
        "{\"te\\u0078t\":\"转义的键\"}",
        "{\"id\":1,\"meta\":{\"text\":\"内层\"},\"text\":\"外层\",\"tags\":[\"text\"]}",
        "{\"text\":\"第一个\",\"text\":\"第二个\"}",
        "{\"text\":\"字符串\",\"text\":3}",
        "{\"text\":17}",
        "{\"title\":\"没有 text\"}",
        "{\"text\":\"未闭合\"",
        "{\"text\":\"尾随\"} 多余",
        "{\"text\":\"\\ud800\",\"text\":\"好\"}",
        "{\"text\":\"表情 😀 在 BMP 之外\"}",
        "表情 😀 纯文本",
        "HTML <b>&amp;</b> 'quote' + `tick`",
        "制表符\t与\u0001控制字符",
        "行分隔符\u2028段分隔符\u2029 NEL\u0085",
        "未分配\u0378 私用\ue000 BOM\ufeff 软连字符\u00ad",
        "{\"text\":\"未分配\u0378\"}",
        "引号\"和反斜杠\\在纯文本里",
        "{ \"text\" : \"带空白的 JSON\" }",
        "{\"text\":\"\xff\"}",
        "坏的 UTF-8 \xff 字节",
        "{\"text\":\"\"}",
        "{}",
        "{",
    ];

    /// <summary>A kind's bytes: UTF-8, with each "\xff" a byte that is not UTF-8.</summary>
    private static byte[] Bytes(string line) =>
        line.Split('\xff').Select(Encoding.UTF8.GetBytes).Aggregate((a, b) => [.. a, 0xff, .. b]);

    private static string Corpus(TestBanks banks, string name, Random random, int lines)
    {
        var path = banks.Path(name);
        using var file = File.Create(path);
        using Stream s = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        for (var i = 0; i < lines; i++)
        {
            s.Write(Bytes(Kinds[random.Next(Kinds.Length)]));
            if (random.Next(4) == 0) s.WriteByte((byte)'\r');
            s.WriteByte((byte)'\n');
            if (random.Next(10) == 0) s.WriteByte((byte)'\n');
        }
        return path;
    }

    [Theory]
    [InlineData(1 << 18, 2, 1 << 25)]
    [InlineData(1 << 18, 1, 1 << 25)]
    [InlineData(4096, 2, 8192)]
    public void The_sample_written_from_the_bytes_is_the_decoded_items_written(int chunk, int threads, int segment)
    {
        using var banks = new TestBanks();
        var random = new Random(chunk + threads);
        string[] files =
        [
            Corpus(banks, "a.jsonl", random, 3000),
            Corpus(banks, "引号\"与\\反斜杠 b.txt", random, 700),
            Corpus(banks, "c.jsonl.gz", random, 900),
        ];
        // 20,000 keeps every line, so every kind is written; the others keep a few batches or less than one.
        foreach (var (size, seed) in new[] { (7, 1), (400, 7), (20_000, 3) })
        {
            var (items, population) = CorpusSampler.Sample(files, size, seed, chunk, threads, segment);
            var expected = banks.Path($"expected-{size}.jsonl");
            CorpusSampler.Write(expected, items);
            var actual = banks.Path($"actual-{size}.jsonl");
            var (count, actualPopulation) = CorpusSampler.SampleTo(files, size, seed, actual, chunk, threads, segment);
            Assert.Equal((items.Count, population), (count, actualPopulation));
            Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
        }
    }

    /// <summary>The common lines take the copying path (the reason for this writer); the others are decoded.</summary>
    [Theory]
    [InlineData("{\"id\":1,\"text\":\"普通的语料\"}", "普通的语料")]
    [InlineData("{\"text\":\"第一个\",\"text\":\"第二个\"}\r", "第二个")]
    [InlineData("纯文本一行\r\r", "纯文本一行")]
    [InlineData("{\"text\":17}", null)]   // the whole line, whose quotes are escaped
    [InlineData("{\"text\":\"带\\\"引号\"}", null)]
    [InlineData("{\"text\":\"表情 😀\"}", null)]
    [InlineData("制表符\t", null)]
    [InlineData("{\"text\":\"未闭合\"", null)]
    public void Plain_texts_are_copied_and_the_rest_decoded(string line, string? copied)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var raw = SampleJsonLines.TryRawText(bytes, out var text);
        Assert.Equal(copied is not null, raw);
        if (raw) Assert.Equal(copied, Encoding.UTF8.GetString(bytes, text.Start, text.Length));
    }

    /// <summary>The writer's quick test of "nothing to escape" says what the encoder's own search says, for every
    /// character alone (so every character it lets through unasked is one the encoder never escapes) and in long mixed
    /// texts (the 32-byte steps, a character to ask in the middle of one).</summary>
    [Fact]
    public void The_quick_escaping_test_agrees_with_the_encoder()
    {
        var buffer = new byte[4];
        for (var c = 0; c <= 0x10FFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            var n = new Rune(c).EncodeToUtf8(buffer);
            var expected = SampleJsonLines.Encoder.FindFirstCharacterToEncodeUtf8(buffer.AsSpan(0, n)) >= 0;
            Assert.True(expected == SampleJsonLines.NeedsEscaping(buffer.AsSpan(0, n)), $"U+{c:X4}");
        }
        var random = new Random(5);
        const string pool = "语料文本中国人民abc xyz，。、“”《》！？：；（）—…·\"\\\t\n😀é\u0378\u2028\u00ad\ue000\u3000";
        for (var t = 0; t < 20_000; t++)
        {
            var sb = new StringBuilder();
            var plain = random.Next(2) == 0;
            for (var n = random.Next(200); n > 0; n--) sb.Append(plain ? "语料文本 abc"[random.Next(8)] : pool[random.Next(pool.Length)]);
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            Assert.Equal(SampleJsonLines.Encoder.FindFirstCharacterToEncodeUtf8(bytes) >= 0, SampleJsonLines.NeedsEscaping(bytes));
        }
    }

    [Fact]
    public void The_output_is_replaced_whole_or_left_as_it_was()
    {
        using var banks = new TestBanks();
        var output = banks.Write("out.jsonl", "旧的样本\n");
        Assert.Throws<FileNotFoundException>(() => CorpusSampler.SampleTo([banks.Path("none.jsonl")], 5, 1, output));
        Assert.Equal("旧的样本\n", File.ReadAllText(output));
        var corpus = banks.Write("c.txt", "一\n二\n三\n");
        Assert.Equal((3, 3L), CorpusSampler.SampleTo([corpus], 5, 1, output));
        Assert.Equal(3, File.ReadAllLines(output).Length);
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!, "out.jsonl*"));
    }
}
