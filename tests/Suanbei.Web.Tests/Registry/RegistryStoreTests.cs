using Microsoft.EntityFrameworkCore;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Registry.Tests;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Registry;

/// <summary>A migrated database (SQLite file or throwaway PostgreSQL) holding the four shared lists.</summary>
public abstract class RegistryDb : IAsyncLifetime
{
    protected RegistryDb(Provider provider) => Provider = provider;
    public Provider Provider { get; }
    public SuanbeiHostOptions Options { get; private set; } = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "suanbei-registry-" + Guid.NewGuid().ToString("N")[..8]);

    public static IReadOnlyList<string> SharedFiles => Suanbei.Registry.Published.PublishedLists.FileNames;

    public SuanbeiDbContext NewContext() => new(DatabaseSetup.Options(Options));

    public async Task InitializeAsync()
    {
        Options = new SuanbeiHostOptions
        {
            DataDirectory = _dir,
            PostgresConnectionString = Provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase("reg") : null,
        };
        await using var db = NewContext();
        DatabaseSetup.Migrate(db, Options);
        var store = new RegistryStore(db);
        foreach (var f in SharedFiles) await store.ImportAsync(RegistryImporter.ImportFile(RepoPaths.PublishedList(f)));
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dir, true); } catch { }
        return Task.CompletedTask;
    }
}

public sealed class SqliteRegistryDb() : RegistryDb(Provider.Sqlite);
public sealed class PostgresRegistryDb() : RegistryDb(Provider.Postgres);

public abstract class RegistryStoreTests<TDb>(TDb fixture) : IClassFixture<TDb> where TDb : RegistryDb
{
    private async Task<T> With<T>(Func<RegistryStore, Task<T>> f)
    {
        await using var db = fixture.NewContext();
        return await f(new RegistryStore(db));
    }

    private Task<RegistrySearchResult> Search(RegistryQuery q) => With(s => s.SearchAsync(q with { PageSize = 500 }));

    private static List<RegistryRow> SharedRows() => RegistryDb.SharedFiles.Take(3)
        .SelectMany(f => RegistryImporter.ImportFile(RepoPaths.PublishedList(f)).Rows).ToList();

    [Fact]
    public async Task Dedupes_by_number_and_counts_match_the_distinct_numbers_of_the_files()
    {
        var all = RegistryDb.SharedFiles.SelectMany(f => RegistryImporter.ImportFile(RepoPaths.PublishedList(f)).Rows).ToList();
        var distinct = all.Select(r => r.Number).Distinct().Count();
        // Other tests of this class may add entries filed here; count the imported ones.
        await using var db = fixture.NewContext();
        var imported = db.Set<RegistryEntry>().Where(e => !e.FiledHere);
        Assert.Equal(distinct, await imported.CountAsync());
        var cancelledNumbers = all.Where(r => r.List == RegistryListKind.Cancellation).Select(r => r.Number).Distinct().Count();
        Assert.Equal(cancelledNumbers, await imported.CountAsync(e => e.Status == RegistryStatus.Cancelled));
        var stats = await With(s => s.StatisticsAsync());
        Assert.Equal(stats.Entries - stats.Cancelled, stats.Active);
        Assert.Equal(await db.Set<RegistryEntry>().CountAsync(), stats.Entries);
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        async Task<string> Snapshot()
        {
            await using var db = fixture.NewContext();
            var entries = await db.Set<RegistryEntry>().AsNoTracking().Include(e => e.Listings).Include(e => e.Products)
                .Include(e => e.Search).AsSplitQuery()
                .OrderBy(e => e.Number).ToListAsync();
            return string.Join("\n", entries.Select(e =>
                string.Join("|", e.Number, e.Name, e.Role, e.Category, e.Entity, e.ProductsRaw, e.Purpose,
                e.Status, e.CancelledOn, e.UpdatedAt.ToUnixTimeMilliseconds(), e.FirstPeriod, e.LatestPeriod, e.Search?.Text,
                string.Join(",", e.Listings.OrderBy(l => l.ListingKey).Select(l => l.ListingKey + ":" + l.Remark + ":" + l.Id)),
                string.Join(",", e.Products.OrderBy(p => p.Name).ThenBy(p => p.Form).Select(p => p.Name + "/" + p.Form)))));
        }
        var before = await Snapshot();
        foreach (var f in RegistryDb.SharedFiles)
        {
            var summary = await With(s => s.ImportAsync(RegistryImporter.ImportFile(RepoPaths.PublishedList(f))));
            Assert.Equal(0, summary.EntriesCreated);
            Assert.Equal(0, summary.ListingsAdded);
            Assert.Equal(0, summary.EntriesChanged);
        }
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task Cancellation_notices_cancel_entries_with_the_notice_date()
    {
        // 阿水 AI图像生成算法 appears only in the cancellation notice of 2025-07-14.
        var e = await With(s => s.GetAsync("网信算备360113475703901240013号"));
        Assert.NotNull(e);
        Assert.Equal(RegistryStatus.Cancelled, e!.Status);
        Assert.Equal(new DateOnly(2025, 7, 14), e.CancelledOn);
        Assert.Equal("阿水 AI图像生成算法", e.Name);
        var cancelled = await Search(new RegistryQuery { Status = RegistryStatus.Cancelled });
        Assert.Equal(57, cancelled.Items.Count(i => !i.FiledHere));
        Assert.All(cancelled.Items, i => Assert.NotNull(i.CancelledOn));
    }

    [Fact]
    public async Task An_entry_listed_in_two_batches_keeps_both_listings_and_every_remark()
    {
        // The shared algorithm list has the same numbers in the 2022-08 and a later list? Make it explicit with a file of our own.
        var rows = OfficialLayouts.DeepSynthesisRows("2024-02").Take(3).Select(r => (string[])r.Clone()).ToList();
        rows[0][7] = "2026年11月，变更内容：新增产品测试（APP）";
        rows[0][4] = rows[0][4] + "、测试（APP）";
        var file = OfficialLayouts.Docx("境内深度合成服务算法备案清单（2026年11月）", OfficialLayouts.DeepSynthesisHeader, rows, mergeEntities: false);
        var result = RegistryImporter.Import(new MemoryStream(file), "第十九批.docx");
        Assert.Equal("2026-11", result.Rows[0].Period);
        var summary = await With(s => s.ImportAsync(result));
        Assert.Equal(0, summary.EntriesCreated);
        Assert.Equal(3, summary.ListingsAdded);
        var e = await With(s => s.GetAsync(rows[0][6]));
        Assert.Equal(2, e!.Listings.Count);
        Assert.Contains(e.Listings, l => l.Batch == "第四批" && l.Period == "2024-02");
        Assert.Contains(e.Listings, l => l.Batch == "第十九批" && l.Remark == "2026年11月，变更内容：新增产品测试（APP）");
        Assert.Equal("2026-11", e.LatestPeriod);
        Assert.Equal("2024-02", e.FirstPeriod);
        Assert.Contains(e.Products, p => p.Name == "测试" && p.Form == "APP");
        // An older list imported afterwards does not overwrite the newer description.
        var older = RegistryImporter.ImportFile(RepoPaths.PublishedList("deep-synthesis-filings.tsv"));
        await With(s => s.ImportAsync(older));
        e = await With(s => s.GetAsync(rows[0][6]));
        Assert.Contains(e!.Products, p => p.Name == "测试");
        // Searching by the 2026 batch finds these three.
        var byBatch = await Search(new RegistryQuery { Batch = "第十九批" });
        Assert.Equal(3, byBatch.Total);
    }

    public static TheoryData<string> Queries() => new()
    {
        "文", "图", "宝", "%", "_", "(", "（", "腾讯", "大模型", "生成合成", "ai", "AI", "Ａｉ", "百度 APP", "抖音", "网信算备1101", "写作", "服务", "x%y", "智能 对话",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Substring_search_matches_a_scan_of_the_rows(string text)
    {
        var q = new RegistryQuery { Text = text };
        var found = (await With(async s => await (await s.MatchAsync(q)).Entries().ToListAsync()))
            .Select(e => e.Number).OrderBy(n => n, StringComparer.Ordinal).ToList();
        // Expected: every distinct number whose latest text contains every term, ignoring case, width and spaces.
        await using var db = fixture.NewContext();
        var all = await db.Set<RegistryEntry>().AsNoTracking().Include(e => e.Products).ToListAsync();
        var terms = q.Terms().ToList();
        var expected = all.Where(e =>
            {
                var hay = new[] { e.Name, e.Entity, e.ProductsRaw, e.Purpose, e.Number }.Concat(e.Products.Select(p => p.Name))
                    .Where(s => s is not null).Select(RegistrySearchText.Normalise).ToList();
                return terms.All(t => hay.Any(h => h.Contains(t, StringComparison.Ordinal)));
            })
            .Select(e => e.Number).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, found);
        if (text is "文" or "图" or "腾讯" or "大模型" or "AI" or "ai" or "Ａｉ") Assert.NotEmpty(found);
        if (text is "%" or "_" or "x%y") Assert.Empty(found); // wildcards are literal
    }

    [Fact]
    public async Task One_and_two_character_queries_find_known_rows()
    {
        var one = await Search(new RegistryQuery { Text = "猴" });
        Assert.Contains(one.Items, e => e.Name == "序列猴子大模型算法");
        Assert.All(one.Items, e => Assert.Contains("猴", e.Name + e.Entity + e.ProductsRaw + e.Purpose));
        var two = await Search(new RegistryQuery { Text = "豆包" });
        Assert.Contains(two.Items, e => e.Number == "网信算备110108823483901230031号");
        Assert.All(two.Items, e => Assert.Contains("豆包", e.Name + e.Entity + e.ProductsRaw + e.Purpose));
    }

    [Fact]
    public async Task Filters_role_type_province_year_status_source_and_paging()
    {
        var supporters = await Search(new RegistryQuery { Role = "supporter" });
        Assert.NotEmpty(supporters.Items);
        Assert.All(supporters.Items, e => Assert.Equal("服务技术支持者", e.Role));

        var push = await Search(new RegistryQuery { Type = "个性化推送类" });
        Assert.NotEmpty(push.Items);
        Assert.All(push.Items, e => Assert.Equal("02", e.TypeCode));
        Assert.Equal(push.Total, (await Search(new RegistryQuery { Type = "02" })).Total);

        var beijing = await Search(new RegistryQuery { Province = "北京" });
        Assert.NotEmpty(beijing.Items);
        Assert.All(beijing.Items, e => Assert.Equal("北京市", e.Province));
        Assert.Equal(beijing.Total, (await Search(new RegistryQuery { Province = "11" })).Total);
        Assert.Equal(beijing.Total, (await Search(new RegistryQuery { Province = "北京市" })).Total);

        var y2022 = await Search(new RegistryQuery { Year = 2022 });
        Assert.All(y2022.Items, e => Assert.Equal(2022, e.Year));
        Assert.NotEmpty(y2022.Items);

        var active = await Search(new RegistryQuery { Status = RegistryStatus.Active, Text = "腾讯" });
        Assert.All(active.Items, e => Assert.Equal(RegistryStatus.Active, e.Status));
        Assert.Empty((await Search(new RegistryQuery { Source = RegistrySource.FiledHere, Text = "腾讯" })).Items);

        var page1 = await With(s => s.SearchAsync(new RegistryQuery { PageSize = 10, Page = 1, Sort = RegistrySort.Number }));
        var page2 = await With(s => s.SearchAsync(new RegistryQuery { PageSize = 10, Page = 2, Sort = RegistrySort.Number }));
        Assert.Equal(10, page1.Items.Count);
        Assert.True(string.CompareOrdinal(page1.Items[^1].Number, page2.Items[0].Number) < 0);
        await Assert.ThrowsAsync<RegistryQueryException>(() => Search(new RegistryQuery { Type = "不存在类" }));
    }

    [Fact]
    public async Task Check_digit_anomaly_is_kept_and_flagged_and_verification_reports_status()
    {
        var v = await With(s => s.VerifyAsync("网信算备440305295988702220055号"));
        Assert.True(v.InRegistry);
        Assert.False(v.Entry!.CheckDigitMatches);
        Assert.False(v.Decoded!.CheckDigitMatches);
        Assert.Equal("广东省", v.Entry.Province);

        var cancelled = await With(s => s.VerifyAsync(" 网信算备360113475703901240013号 "));
        Assert.Equal(RegistryStatus.Cancelled, cancelled.Entry!.Status);

        var unknown = await With(s => s.VerifyAsync("网信算备110108823483901239990号"));
        Assert.False(unknown.InRegistry);
        Assert.NotNull(unknown.Decoded);

        var gen = await With(s => s.VerifyAsync("Beijing-WenXinYiYan-20230821"));
        Assert.True(gen.InRegistry);
        Assert.Equal(RegistryNumberScheme.GenerativeAiFiling, gen.Scheme);
    }

    [Fact]
    public async Task Published_filings_appear_as_filed_here_and_can_be_cancelled()
    {
        var number = "网信算备110108000000101260012号";
        await using (var db = fixture.NewContext())
        {
            var sink = new RegistryPublisher(new RegistryStore(db));
            var f = new PublishedFiling(number, "算备测试生成算法", "服务提供者", null, "算备测试科技有限公司",
                [new ProductRef("算备助手", "APP"), new ProductRef("算备助手", "网站")],
                "应用于智能写作场景，根据用户输入的文本生成文案。", new DateOnly(2026, 11, 20));
            await sink.PublishAsync(f);
            await sink.PublishAsync(f); // idempotent
            await sink.PublishAsync(f with
            {
                PublishedOn = new DateOnly(2026, 11, 21),
                Products = [.. f.Products, new ProductRef("算备助手", "小程序")],
                Remark = "2026年11月，变更内容：新增产品算备助手（小程序）",
            });
        }
        var e = await With(s => s.GetAsync(number));
        Assert.True(e!.FiledHere);
        Assert.False(e.InOfficialList);
        Assert.Equal(2, e.Listings.Count);
        Assert.Equal(3, e.Products.Count);
        // The registry writes 应用产品 from the structured products the one way the CAC's lists do.
        Assert.Equal("算备助手（APP）、算备助手（网站）、算备助手（小程序）", e.ProductsRaw);
        var filed = await Search(new RegistryQuery { Source = RegistrySource.FiledHere });
        Assert.Equal([number], filed.Items.Select(i => i.Number));
        await using (var db = fixture.NewContext())
            await new RegistryPublisher(new RegistryStore(db)).CancelAsync(number, new DateOnly(2026, 11, 22), "服务下线");
        e = await With(s => s.GetAsync(number));
        Assert.Equal(RegistryStatus.Cancelled, e!.Status);
        Assert.Equal(new DateOnly(2026, 11, 22), e.CancelledOn);
        Assert.Equal("算备测试生成算法", e.Name); // the cancellation keeps the description
    }

    [Fact]
    public async Task Statistics_count_batches_provinces_roles_types_entities_and_forms()
    {
        var s = await With(st => st.StatisticsAsync());
        Assert.Contains(s.PerBatch, b => b.Label.Contains("2024-01") && b.Label.Contains("第三批") && b.Count == 129);
        Assert.Contains(s.PerProvince, p => p.Label == "北京市" && p.Count > 50);
        Assert.Contains(s.PerRole, r => r.Label == "服务提供者" && r.Count > 100);
        Assert.Contains(s.PerRole, r => r.Label == "服务技术支持者" && r.Count > 10);
        Assert.Contains(s.PerType, t => t.Label == "生成合成类");
        Assert.True(s.TopEntities[0].Count >= s.TopEntities[^1].Count);
        Assert.Contains(s.ProductsPerForm, f => f.Label == "APP" && f.Count > 100);
    }
}

public sealed class RegistryStoreTestsSqlite(SqliteRegistryDb db) : RegistryStoreTests<SqliteRegistryDb>(db);
public sealed class RegistryStoreTestsPostgres(PostgresRegistryDb db) : RegistryStoreTests<PostgresRegistryDb>(db);

public class DisplayCheckTests
{
    [Fact]
    public async Task Page_with_a_linked_valid_number_passes_and_problems_are_named()
    {
        var good = "<html><body><footer>算法备案：<a href=\"https://beian.cac.gov.cn/#/searchResult?n=110108823483901230031\">网信算备110108823483" +
            "901230031号</a></footer></body></html>";
        var r = await Suanbei.Registry.Display.DisplayCheck.CheckAsync(good, null);
        Assert.True(r.Compliant, string.Join("；", r.Problems));
        Assert.True(Assert.Single(r.Findings).Linked);

        var unlinked = "<p>网信算备 440305295988702220055 号</p><script>var x='网信算备110108823483901230031号'</script>";
        r = await Suanbei.Registry.Display.DisplayCheck.CheckAsync(unlinked, null);
        var f = Assert.Single(r.Findings); // the number inside the script is not shown to users
        Assert.False(f.Valid);
        Assert.False(f.Linked);
        Assert.Contains(r.Problems, p => p.Contains("没有链接"));
        Assert.Contains(r.Problems, p => p.Contains("校验位"));

        r = await Suanbei.Registry.Display.DisplayCheck.CheckAsync("<p>没有编号</p>", null);
        Assert.False(r.ShowsNumber);
        Assert.False(r.Compliant);
    }
}
