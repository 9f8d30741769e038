using Suanbei.Registry.Import;
using Suanbei.Registry.Similarity;
using Suanbei.Testing;

namespace Suanbei.Registry.Tests;

public class NearDuplicateIndexTests
{
    private static (NearDuplicateIndex Index, List<(string Id, string Purpose)> Rows) Build(int copies = 1)
    {
        var rows = new[] { "deep-synthesis-filings.tsv", "algorithm-filings.tsv" }
            .SelectMany(f => RegistryImporter.ImportFile(RepoPaths.PublishedList(f)).Rows)
            .Where(r => r.Purpose is not null)
            .Select(r => (r.Number, r.Purpose!)).ToList();
        var index = new NearDuplicateIndex();
        for (var c = 0; c < copies; c++)
            foreach (var (id, purpose) in rows) index.Add(c == 0 ? id : $"{id}#{c}", purpose);
        return (index, rows);
    }

    [Fact]
    public void Identical_purpose_scores_one_and_is_found()
    {
        var (index, rows) = Build();
        foreach (var (id, purpose) in rows.Take(60))
        {
            var hits = index.Query(purpose, 50);
            var self = Assert.Single(hits, h => h.Id == id);
            Assert.Equal(1.0, self.Similarity, 6);
            Assert.Equal(1.0, hits[0].Similarity, 6);
        }
    }

    [Fact]
    public void Lightly_edited_purpose_scores_high_and_unrelated_text_low()
    {
        var (index, rows) = Build();
        // A long, specific purpose, lightly edited the way a copier would.
        var (id, purpose) = rows.Where(r => r.Purpose.Length > 60).First(r => rows.Count(o => o.Purpose == r.Purpose) == 1);
        var edited = purpose.Replace("用户", "客户").Replace("，", "、") + "并提供导出功能。";
        var hit = index.Query(edited, 5)[0];
        Assert.Equal(id, hit.Id);
        Assert.InRange(hit.Similarity, 0.4, 0.99);

        var unrelated = index.Query("本公司主营冷链物流仓储，为餐饮门店配送冷冻肉类和海鲜，并提供冷库租赁业务。", 5);
        Assert.All(unrelated, h => Assert.True(h.Similarity < 0.1, $"{h.Id} {h.Similarity}"));
    }

    [Fact]
    public void Lsh_path_on_a_large_index_still_finds_edited_copies()
    {
        // 25 copies of every purpose: above the exhaustive-scan size, so candidates come from the LSH buckets.
        var (index, rows) = Build(copies: 25);
        Assert.True(index.Count > 5_000);
        var (id, purpose) = rows.First(r => r.Purpose.Length > 60);
        var hits = index.Query(purpose.Replace("用户", "客户"), 30, minSimilarity: 0.5);
        Assert.Contains(hits, h => h.Id == id);
        Assert.All(hits, h => Assert.True(h.Similarity >= 0.5));
    }

    [Fact]
    public void Add_replaces_and_remove_forgets()
    {
        var index = new NearDuplicateIndex();
        index.Add("a", "应用于智能对话场景，根据用户输入的文本生成回复。");
        index.Add("a", "应用于图像生成场景，根据用户输入的提示词生成图片。");
        Assert.Equal(1, index.Count);
        Assert.Equal(1.0, index.Query("应用于图像生成场景，根据用户输入的提示词生成图片。")[0].Similarity, 6);
        Assert.True(index.Remove("a"));
        Assert.Empty(index.Query("应用于图像生成场景"));
        Assert.Empty(index.Query(""));
    }
}
