using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Suanbei.GenAi.Corpus;

namespace Suanbei.GenAi.Tests;

public class CorpusSamplerTests
{
    [Fact]
    public void Samples_across_files_reproducibly_skipping_csv_headers_and_empty_lines()
    {
        using var banks = new TestBanks();
        var jsonl = banks.Path("a.jsonl.gz");
        using (var gz = new GZipStream(File.Create(jsonl), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"{{\"text\":\"语料{i}\"}}\n\n"))));
        var csv = banks.Write("b.csv", "text\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"表格{i}\r\n")));
        var (items, population) = CorpusSampler.Sample([jsonl, csv], 500, seed: 9);
        Assert.Equal(5000, population);
        Assert.Equal(500, items.Count);
        Assert.Equal(500, items.Select(i => i.Text).Distinct().Count());
        Assert.All(items, i => Assert.Matches(@"^(语料|表格)\d+$", i.Text));
        Assert.DoesNotContain(items, i => i.Text == "text");
        // About 3000/5000 of the sample comes from the first file.
        Assert.InRange(items.Count(i => i.File == jsonl), 250, 350);
        var again = CorpusSampler.Sample([jsonl, csv], 500, seed: 9).Items;
        Assert.Equal(items, again);
        Assert.NotEqual(items, CorpusSampler.Sample([jsonl, csv], 500, seed: 10).Items);
        // A line's number is its line in the file (the JSONL has an empty line after each item).
        var first = items.First(i => i.File == jsonl);
        Assert.Equal($"语料{(first.Line - 1) / 2}", first.Text);
    }

    /// <summary>The text of a line is read from its bytes; it must be what decoding the line and parsing it as a
    /// document gives, for every kind of line a corpus may hold.</summary>
    [Theory]
    [InlineData("{\"text\":\"语料\"}")]
    [InlineData("{\"id\":1,\"meta\":{\"text\":\"内层\"},\"text\":\"外层\",\"tags\":[\"text\"]}")]
    [InlineData("{\"text\":\"第一个\",\"text\":\"第二个\"}")]
    [InlineData("{\"text\":\"字符串\",\"text\":3}")]
    [InlineData("{\"te\\u0078t\":\"转义的键 \\u4e2d \\n\"}\r\r")]
    [InlineData("{\"text\":17}")]
    [InlineData("{\"title\":\"没有 text\"}")]
    [InlineData("{\"text\":\"未闭合\"")]
    [InlineData("{\"text\":\"尾随\"} 多余")]
    [InlineData("{\"text\":\"\\ud800\",\"text\":\"好\"}")]
    [InlineData("{\"text\":\"\xff\"}")]
    [InlineData("纯文本一行\r")]
    [InlineData("")]
    public void A_line_text_is_what_parsing_the_decoded_line_gives(string line)
    {
        // "\xff" stands for a byte that is not UTF-8.
        var bytes = Encoding.UTF8.GetBytes(line.Replace("\xff", "\u0001")).Select(b => b == 1 ? (byte)0xff : b).ToArray();
        var decoded = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
        var expected = decoded;
        try
        {
            using var doc = JsonDocument.Parse(decoded);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("text", out var t)
                && t.ValueKind == JsonValueKind.String) expected = t.GetString()!;
        }
        catch (JsonException) { }
        catch (InvalidOperationException) { }
        Assert.Equal(expected, CorpusSampler.TextOf(bytes));
    }

    [Fact]
    public void Writes_the_sample_as_jsonl()
    {
        using var banks = new TestBanks();
        var txt = banks.Write("c.txt", "一\n二\n三");
        var (items, _) = CorpusSampler.Sample([txt], 10, 1);
        var output = banks.Path("out.jsonl");
        CorpusSampler.Write(output, items);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["一", "二", "三"], lines.Select(l => l.GetProperty("text").GetString()));
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.GetProperty("line").GetInt64()));
    }

    [Fact]
    public void An_output_that_is_a_pipe_is_refused_and_left_a_pipe()
    {
        using var banks = new TestBanks();
        var (items, _) = CorpusSampler.Sample([banks.Write("c.txt", "一\n二")], 10, 1);
        var pipe = banks.Path("out.jsonl");
        ExternalTool.RunChecked("mkfifo", pipe);
        var refused = Assert.Throws<IOException>(() => CorpusSampler.Write(pipe, items));
        Assert.Contains("不是普通文件", refused.Message);
        Assert.Equal("fifo", ExternalTool.RunChecked("stat", "-c", "%F", pipe).Trim());
    }
}
