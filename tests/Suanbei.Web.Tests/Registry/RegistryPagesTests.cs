using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Identifiers;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Testing;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Registry;

/// <summary>
/// What a person reads on the registry pages: one verdict on verify, Chinese place names, the province chosen from the
/// list of provinces, an empty search that says so, and statistics that count known source slips as what they mean.
/// </summary>
public abstract class RegistryPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    /// <summary>A deep-synthesis row whose role is cut short ("服务提供"), as seen in the published lists.</summary>
    private static readonly string TruncatedRoleNumber = FilingNumber.Compose("110108", "9876543", "01", 2024, 1);

    private async Task EnsureImported()
    {
        var count = await app.WithServices(sp => sp.GetRequiredService<RegistryStore>().StatisticsAsync());
        if (count.Entries > 0) return;
        foreach (var f in RegistryDb.SharedFiles)
            await app.WithServices(sp => sp.GetRequiredService<RegistryStore>()
                .ImportAsync(RegistryImporter.ImportFile(RepoPaths.PublishedList(f))));
        var slip = new RegistryRow
        {
            RowNumber = 1, List = RegistryListKind.DeepSynthesis, Period = "2024-02", Batch = "第四批", Name = "截断角色测试算法",
            Role = "服务提供", Entity = "北京截断角色测试有限公司", Number = TruncatedRoleNumber, ProductsRaw = "测试（APP）", Purpose = "测试用途",
        };
        await app.WithServices(sp => sp.GetRequiredService<RegistryStore>()
            .ImportAsync(new ImportResult("slip", RegistryFileFormat.Tsv, [slip], [], [], null)));
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task Verify_gives_one_verdict_with_the_expected_format_and_chinese_place_names()
    {
        await EnsureImported();
        var client = app.Client();
        async Task<string> Verify(string number) => Decode(
            await client.GetStringAsync("/registry/verify?number=" + Uri.EscapeDataString(number)));

        var registered = await Verify("网信算备110108823483901230031号");
        Assert.Contains("data-verdict=\"Registered\"", registered);
        Assert.Contains("有效且已公示", registered);

        var unknown = FilingNumber.Compose("440305", "1234567", "02", 2025, 7);
        var notFound = await Verify(unknown);
        Assert.Contains("data-verdict=\"NotFound\"", notFound);
        Assert.Contains("格式有效，但未在公示清单中找到", notFound);

        // The last digit changed: the check digit no longer fits. One verdict, no "格式正确" above the error.
        var wrongCheck = await Verify("网信算备110108823483901230032号");
        Assert.Contains("data-verdict=\"Malformed\"", wrongCheck);
        Assert.Contains("格式错误", wrongCheck);
        Assert.Contains(FilingNumber.CheckDigitMismatch, wrongCheck);
        Assert.Contains("网信算备”+ 21 位数字", wrongCheck); // the expected format
        Assert.DoesNotContain("格式正确", wrongCheck);

        var garbage = await Verify("ABC-123");
        Assert.Contains("data-verdict=\"Malformed\"", garbage);
        Assert.Contains(VerifyVerdict.ExpectedFormat, garbage);

        // Generative-AI numbers: the 属地 in Chinese, from the region data, also for the misspelt and non-province ones.
        Assert.Matches("data-testid=\"verify-place\">北京市<", await Verify("Beijing-WenXinYiYan-20230821"));
        Assert.Matches("data-testid=\"verify-place\">上海市<", await Verify("Shinghai-AIMinSuGuanJia-20240729S0020"));
        Assert.Matches("data-testid=\"verify-place\">中央企业（国资委）<", await Verify("ZhongYangQiYe-JiuTian-20240123"));
    }

    [Fact]
    public async Task Province_is_chosen_from_the_list_and_every_usual_form_finds_the_same_entries()
    {
        await EnsureImported();
        var client = app.Client();
        int Total(string html) => int.Parse(Regex.Match(html, "data-testid=\"registry-total\">共 (\\d+) 条").Groups[1].Value);

        var page = Decode(await client.GetStringAsync("/registry?province=11"));
        var beijing = Total(page);
        Assert.True(beijing > 50, $"{beijing} entries in 北京");
        Assert.Contains("<select id=\"province\" name=\"province\"", page);
        foreach (var p in Regions.Provinces) Assert.Contains($">{p.Name}</option>", page); // the list comes from the region data
        Assert.Contains("<option value=\"11\" selected=\"selected\">北京市</option>", page);
        foreach (var form in new[] { "京", "110000", "北京", "北京市", "Beijing" })
            Assert.Equal(beijing, Total(Decode(await client.GetStringAsync("/registry?province=" + Uri.EscapeDataString(form)))));
    }

    [Fact]
    public async Task An_empty_search_says_so_without_a_table_or_export_buttons()
    {
        await EnsureImported();
        var html = Decode(await app.Client().GetStringAsync("/registry?q=" + Uri.EscapeDataString("并不存在的词语甲乙丙")));
        Assert.Contains("data-testid=\"registry-empty\"", html);
        Assert.Contains("没有符合条件的条目", html);
        Assert.DoesNotContain("data-testid=\"registry-results\"", html);
        Assert.DoesNotContain("data-testid=\"export-xlsx\"", html);
    }

    [Fact]
    public async Task Statistics_count_source_slips_as_what_they_mean_and_chart_each_list_separately()
    {
        await EnsureImported();
        var client = app.Client();
        var stats = Decode(await client.GetStringAsync("/registry/stats"));
        var roles = stats[stats.IndexOf("<h2>角色</h2>", StringComparison.Ordinal)..];
        roles = roles[..roles.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<td>服务提供</td>", roles);
        Assert.Contains("<td>服务提供者</td>", roles);
        var provinces = stats[stats.IndexOf("<h2>各省份条目数</h2>", StringComparison.Ordinal)..];
        provinces = provinces[..provinces.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<td>国资委</td>", provinces);
        Assert.Contains("<td>中央企业（国资委）</td>", provinces);
        // One batch chart per list, none across lists.
        Assert.Contains("<h2>深度合成服务算法备案清单：各批次条目数</h2>", stats);
        Assert.Contains("<h2>互联网信息服务算法备案清单：各批次条目数</h2>", stats);
        Assert.Contains("<h2>生成式人工智能服务备案/登记：各批次条目数</h2>", stats);
        Assert.DoesNotContain("各批次公示条目数", stats);

        // The entry shows the corrected role with the value as published.
        var entry = Decode(await client.GetStringAsync("/registry/entry/" + Uri.EscapeDataString(TruncatedRoleNumber)));
        Assert.Matches("<dd>服务提供者\\s*<span class=\"muted\" data-testid=\"entry-raw-role\">（清单原文：“服务提供”）</span>", entry);
        var central = Decode(await client.GetStringAsync("/registry/entry/" + Uri.EscapeDataString("ZhongYangQiYe-JiuTian-20240123")));
        Assert.Contains("中央企业（国资委）", central);
        Assert.Contains("清单原文：“国资委”", central);
    }
}

public sealed class RegistryPagesTestsSqlite(SqliteApp app) : RegistryPagesTests<SqliteApp>(app);
public sealed class RegistryPagesTestsPostgres(PostgresApp app) : RegistryPagesTests<PostgresApp>(app);
