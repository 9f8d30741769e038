using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Testing;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Registry;

/// <summary>The public registry pages and API on the real app (no login), filled with the shared lists.</summary>
public abstract class RegistryWebTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task EnsureImported()
    {
        var count = await app.WithServices(sp => sp.GetRequiredService<RegistryStore>().StatisticsAsync());
        if (count.Entries > 0) return;
        foreach (var f in RegistryDb.SharedFiles)
            await app.WithServices(sp => sp.GetRequiredService<RegistryStore>()
                .ImportAsync(RegistryImporter.ImportFile(RepoPaths.PublishedList(f))));
    }

    [Fact]
    public async Task Search_entry_verify_and_stats_pages_are_public()
    {
        await EnsureImported();
        var client = app.Client();
        var search = await client.GetAsync("/registry?q=" + Uri.EscapeDataString("豆包") + "&role=服务提供者");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var html = await search.Content.ReadAsStringAsync();
        Assert.Contains("网信算备110108823483901230031号", html);
        Assert.DoesNotContain("网信算备110108823483901230065号", html); // 豆包企业版 is a technical supporter

        var entry = await client.GetStringAsync("/registry/entry/" + Uri.EscapeDataString("网信算备110108823483901230031号"));
        Assert.Contains("豆包大模型算法", entry);
        Assert.Contains("变更内容：算法名称由云雀大模型算法变更为豆包大模型算法", entry);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(
            "/registry/entry/" + Uri.EscapeDataString("网信算备110108823483901239990号"))).StatusCode);

        var verify = await client.GetStringAsync("/registry/verify?number=" + Uri.EscapeDataString("网信算备360113475703901240013号"));
        Assert.Contains("已注销（2025-07-14）", verify);
        Assert.Contains("江西省", verify);

        var stats = await client.GetStringAsync("/registry/stats");
        Assert.Contains("<svg", stats);
        Assert.Contains("各省份条目数", stats);
        Assert.Contains("<td>北京市</td>", stats);

        var bad = await client.GetAsync("/registry?type=" + Uri.EscapeDataString("不存在"));
        Assert.Contains("算法类型", await bad.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("docx")]
    [InlineData("csv")]
    public async Task Export_of_the_current_search_reimports_to_the_same_entries(string format)
    {
        await EnsureImported();
        var client = app.Client();
        var api = JsonDocument.Parse(await client.GetStringAsync(
            "/api/v1/registry/entries?q=" + Uri.EscapeDataString("图") + "&pageSize=500")).RootElement;
        var numbers = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).Order().ToList();
        Assert.True(numbers.Count > 5);
        var response = await client.GetAsync($"/registry/export?format={format}&q=" + Uri.EscapeDataString("图"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var back = RegistryImporter.Import(new MemoryStream(bytes), "export." + format);
        Assert.Null(back.FileError);
        Assert.Empty(back.Reported);
        Assert.Equal(numbers, back.Rows.Select(r => r.Number).Order().ToList());
    }

    [Fact]
    public async Task Api_search_verify_stats_and_similar()
    {
        await EnsureImported();
        var client = app.Client();
        var one = JsonDocument.Parse(await client.GetStringAsync(
            "/api/v1/registry/entries?q=" + Uri.EscapeDataString("猴") + "&province=11")).RootElement;
        Assert.Contains(one.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "序列猴子大模型算法");

        var v = JsonDocument.Parse(await client.GetStringAsync(
            "/api/v1/registry/verify?number=" + Uri.EscapeDataString("网信算备440305295988702220055号"))).RootElement;
        Assert.True(v.GetProperty("inRegistry").GetBoolean());
        Assert.False(v.GetProperty("decoded").GetProperty("checkDigitMatches").GetBoolean());
        Assert.Equal("active", v.GetProperty("status").GetString());

        var stats = JsonDocument.Parse(await client.GetStringAsync("/api/v1/registry/stats")).RootElement;
        Assert.Equal(739, stats.GetProperty("entries").GetInt32());

        var purpose = "应用于智能对话、智能写作场景，根据用户输入的文本信息，生成相应的文本内容。";
        var similar = JsonDocument.Parse(await client.GetStringAsync("/api/v1/registry/similar?k=5&text=" + Uri.EscapeDataString(purpose)))
            .RootElement;
        Assert.Equal(1.0, similar[0].GetProperty("similarity").GetDouble(), 3);

        var bad = await client.GetAsync("/api/v1/registry/entries?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("year", await bad.Content.ReadAsStringAsync());
    }
}

public sealed class RegistryWebTestsSqlite(SqliteApp app) : RegistryWebTests<SqliteApp>(app);
public sealed class RegistryWebTestsPostgres(PostgresApp app) : RegistryWebTests<PostgresApp>(app);
