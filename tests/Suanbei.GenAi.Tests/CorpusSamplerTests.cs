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
}
