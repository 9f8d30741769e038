using Microsoft.EntityFrameworkCore;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Testing;
using Suanbei.Web.Features.Registry.Store;

namespace Suanbei.Web.Tests.Registry;

/// <summary>
/// The in-memory search index against an independent LINQ scan of the database rows (filters, every sort order, paging)
/// and its freshness: the registry version moves with every change and never with a no-op re-import.
/// </summary>
public abstract class RegistrySearchIndexTests<TDb>(TDb fixture) : IClassFixture<TDb> where TDb : RegistryDb
{
    public static TheoryData<string?, string?, string?, string?, int?, string?, RegistrySort> Queries() => new()
    {
        { "图", null, null, "北京", null, null, RegistrySort.Latest },
        { "图", "服务提供者", null, null, null, null, RegistrySort.Oldest },
        { "生成", null, "01", null, 2024, null, RegistrySort.Name },
        { null, "服务技术支持者", null, "广东", null, null, RegistrySort.Entity },
        { "智能 对话", null, null, null, null, null, RegistrySort.Number },
        { null, null, null, null, null, "第三批", RegistrySort.Latest },
        { "图", null, null, null, null, "2024-01", RegistrySort.Number },
        { null, null, null, null, null, null, RegistrySort.Latest },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Filters_sorting_and_paging_match_a_scan_of_the_rows(
        string? text, string? role, string? type, string? province, int? year, string? batch, RegistrySort sort)
    {
        var q = new RegistryQuery { Text = text, Role = role, Type = type, Province = province, Year = year, Batch = batch, Sort = sort };
        await using var db = fixture.NewContext();
        var all = await db.Set<RegistryEntry>().AsNoTracking().Include(e => e.Products).Include(e => e.Listings).AsSplitQuery()
            .ToListAsync();
        var terms = q.Terms().ToList();
        var t = q.TypeValue();
        var p = q.ProvincePrefix();
        var matching = all.Where(e =>
            {
                var hay = new[] { e.Name, e.Entity, e.ProductsRaw, e.Purpose, e.Number }.Concat(e.Products.Select(x => x.Name))
                    .Where(s => s is not null).Select(RegistrySearchText.Normalise).ToList();
                return terms.All(term => hay.Any(h => h.Contains(term, StringComparison.Ordinal)))
                       && (role is null || e.Role == role) && (t is null || e.AlgorithmType == t)
                       && (p is null || (e.Province?.StartsWith(p, StringComparison.Ordinal) ?? false))
                       && (year is null || e.Year == year)
                       && (batch is null || e.Listings.Any(l => l.Period == batch || l.Batch == batch || l.ListName == batch));
            });
        var byNumber = StringComparer.Ordinal;
        var expected = (sort switch
        {
            RegistrySort.Number => matching.OrderBy(e => e.Number, byNumber),
            RegistrySort.Name => matching.OrderBy(e => e.Name, byNumber).ThenBy(e => e.Number, byNumber),
            RegistrySort.Entity => matching.OrderBy(e => e.Entity, byNumber).ThenBy(e => e.Number, byNumber),
            RegistrySort.Oldest => matching.OrderBy(e => e.FirstPeriod, byNumber).ThenBy(e => e.Number, byNumber),
            _ => matching.OrderByDescending(e => e.LatestPeriod, byNumber).ThenBy(e => e.Number, byNumber),
        }).Select(e => e.Number).ToList();
        if (text is "图" || batch is "第三批") Assert.NotEmpty(expected);

        var store = new RegistryStore(db);
        var exported = await (await store.MatchAsync(q)).Entries().Select(e => e.Number).ToListAsync();
        Assert.Equal(expected, exported);
        var page2 = await store.SearchAsync(q with { Page = 2, PageSize = 7 });
        Assert.Equal(expected.Count, page2.Total);
        Assert.Equal(expected.Skip(7).Take(7), page2.Items.Select(e => e.Number));
        Assert.All(page2.Items, e => Assert.NotEmpty(e.Listings)); // the page is loaded with its listings
    }

    [Fact]
    public async Task Version_moves_with_changes_and_a_second_index_sees_them()
    {
        await using var db = fixture.NewContext();
        var before = await RegistrySearchIndex.ReadVersionAsync(db, default);
        Assert.True(before.Item1 > 0); // the fixture's imports bumped it
        // A no-op re-import does not move it (no reload for nothing).
        await new RegistryStore(db).ImportAsync(RegistryImporter.ImportFile(RepoPaths.PublishedList("algorithm-filings.tsv")));
        Assert.Equal(before, await RegistrySearchIndex.ReadVersionAsync(db, default));

        // Another process's index (a separate instance) built now, then a change through the store: it reloads.
        var other = new RegistrySearchIndex();
        var q = new RegistryQuery { Text = "索引新鲜度测试" };
        Assert.Equal(0, (await other.CurrentAsync(db)).Find(q, 0, 10).Total);
        var number = "网信算备110108000000101260039号";
        await new RegistryPublisher(new RegistryStore(db)).PublishAsync(new PublishedFiling(number, "索引新鲜度测试算法", "服务提供者", null,
            "算备测试科技有限公司", [new ProductRef("测试", "网站")], "用于测试。", new DateOnly(2026, 11, 22)));
        var after = await RegistrySearchIndex.ReadVersionAsync(db, default);
        Assert.Equal(before.Item1 + 1, after.Item1);
        Assert.NotEqual(before.Item2, after.Item2);
        var (total, ids) = (await other.CurrentAsync(db)).Find(q, 0, 10);
        Assert.Equal(1, total);
        Assert.Equal(await db.Set<RegistryEntry>().Where(e => e.Number == number).Select(e => e.Id).SingleAsync(), Assert.Single(ids));
    }
}

public sealed class RegistrySearchIndexTestsSqlite(SqliteRegistryDb db) : RegistrySearchIndexTests<SqliteRegistryDb>(db);
public sealed class RegistrySearchIndexTestsPostgres(PostgresRegistryDb db) : RegistrySearchIndexTests<PostgresRegistryDb>(db);
