using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

public abstract class ProductTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Products_need_a_subject_first()
    {
        var (user, pages) = await app.SignedInAsync(Roles.Filer);
        Assert.Contains("请先在", await pages.GetStringAsync("/Products"));
        var api = await app.ApiClientAsync(user);
        var response = await api.PostAsJsonAsync("/api/v1/products", new { name = "产品" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("请先填写并保存主体备案信息", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Product_with_ordered_access_path_and_functions_through_the_pages()
    {
        var (_, pages) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync(
            "/Subjects", new() { ["Input.Name"] = "产品公司" }, url: "/Subjects?handler=Save")).StatusCode);

        var invalid = await pages.PostFormAsync("/Products/Edit", new()
        {
            ["Input.Name"] = "", ["Input.Form"] = "App", ["Input.IcpNumber"] = "12345678", ["Input.MonthlyActiveUsers"] = "100",
            ["Input.DailyActiveUsers"] = "500",
            ["Input.HasPriorLicence"] = "true",
        }, url: "/Products/Edit?handler=Save");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Input.Name\">产品名称不能为空<", html);
        Assert.Matches("data-valmsg-for=\"Input.IcpNumber\">ICP备案号[^<]+<", html);
        Assert.Contains("data-valmsg-for=\"Input.DailyActiveUsers\">日活跃用户数不能大于月活跃用户数<", html);
        Assert.Contains("data-valmsg-for=\"Input.PriorLicenceDescription\">有前置许可时请填写许可名称和编号<", html);

        var created = await pages.PostFormAsync("/Products/Edit", new()
        {
            ["Input.Name"] = "示例新闻", ["Input.Form"] = "App", ["Input.Status"] = "InService", ["Input.Audience"] = "Individuals",
            ["Input.AccessAddress"] = "https://example.cn/app", ["Input.IcpNumber"] = "京ICP备12345678号-1",
            ["Input.MonthlyActiveUsers"] = "500000", ["Input.DailyActiveUsers"] = "80000", ["Input.TotalUsers"] = "2000000",
            ["Input.RequiresRealName"] = "true", ["Input.PersonalisedPushCanBeTurnedOff"] = "true",
            ["Input.PersonalisedPushDescription"] = "设置-隐私-个性化推荐可关闭", ["Input.MinorsProtection"] = "青少年模式",
            ["Input.AccessPath[0]"] = "打开示例新闻APP", ["Input.AccessPath[1]"] = "", ["Input.AccessPath[2]"] = "点击首页“推荐”",
            ["Input.AccessPath[3]"] = "查看推荐列表",
        }, url: "/Products/Edit?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var edit = await pages.GetStringAsync(editUrl);
        Assert.Contains("value=\"示例新闻\"", edit);
        Assert.Matches("Input_AccessPath_0\" name=\"Input.AccessPath\\[0\\]\" value=\"打开示例新闻APP\"", edit);
        Assert.Matches("Input_AccessPath_1\" name=\"Input.AccessPath\\[1\\]\" value=\"点击首页“推荐”\"", edit);
        Assert.Matches("Input_AccessPath_2\" name=\"Input.AccessPath\\[2\\]\" value=\"查看推荐列表\"", edit);
        var id = editUrl.Split("id=")[1];

        var tooLong = await pages.PostFormAsync(editUrl, new() { ["FunctionName"] = "推荐", ["FunctionDescription"] = new string('长', 501) },
            url: $"/Products/Edit?id={id}&handler=AddFunction");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("data-valmsg-for=\"FunctionDescription\">功能介绍不能超过500个字符（当前501个）<", await tooLong.Content.ReadAsStringAsync());
        var added = await pages.PostFormAsync(editUrl, new() { ["FunctionName"] = "个性化推荐", ["FunctionDescription"] = new string('好', 500) },
            url: $"/Products/Edit?id={id}&handler=AddFunction");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("个性化推荐", await pages.GetStringAsync(editUrl));
        Assert.Contains("示例新闻", await pages.GetStringAsync("/Products"));
    }

    [Fact]
    public async Task Product_api_round_trip_and_field_errors()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        await api.PutAsJsonAsync("/api/v1/subject", new { name = "接口公司" });
        var bad = await api.PostAsJsonAsync("/api/v1/products", new { name = "", totalUsers = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("产品名称不能为空", errors.GetProperty("name")[0].GetString());
        Assert.Equal("用户总量不能为负数", errors.GetProperty("totalUsers")[0].GetString());

        var created = await api.PostAsJsonAsync("/api/v1/products", new
        {
            name = "示例助手", form = "MiniProgram", icpNumber = "沪ICP备12345678号", accessPath = new[] { "微信搜索“示例助手”", "进入小程序", "点击对话" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var p = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("示例助手（小程序）", p.GetProperty("listLabel").GetString());
        var id = p.GetProperty("id").GetGuid();

        var updated = await api.PutAsJsonAsync($"/api/v1/products/{id}",
            new { name = "示例助手", form = "MiniProgram", accessPath = new[] { "进入小程序", "点击对话" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var path = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("accessPath");
        Assert.Equal(["进入小程序", "点击对话"], path.EnumerateArray().Select(e => e.GetString()));

        var fn = await api.PostAsJsonAsync($"/api/v1/products/{id}/functions", new { name = "智能对话", description = new string('字', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, fn.StatusCode);
        Assert.StartsWith("功能介绍不能超过500个字符", JsonDocument.Parse(await fn.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .GetProperty("functionDescription")[0].GetString());
        fn = await api.PostAsJsonAsync($"/api/v1/products/{id}/functions", new { name = "智能对话", description = "回答用户问题" });
        var fid = (await fn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("functions")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(
            $"/api/v1/products/{id}/functions/{fid}", new { name = "智能问答", description = "回答用户提出的问题" })).StatusCode);
        var reloaded = await api.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}");
        Assert.Equal("智能问答", reloaded.GetProperty("functions")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/products/{id}/functions/{fid}")).StatusCode);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}")).GetProperty("functions").GetArrayLength());
    }
}

public sealed class ProductTestsSqlite(SqliteApp app) : ProductTests<SqliteApp>(app);
public sealed class ProductTestsPostgres(PostgresApp app) : ProductTests<PostgresApp>(app);
