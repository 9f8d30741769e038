using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>
/// Every status a person can reach is a Chinese page for a browser (Accept: text/html) with a way back, while the API
/// and other clients keep RFC 7807 problem details.
/// </summary>
public abstract class StatusPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static HttpRequestMessage Get(string url, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    /// <summary>The response is the styled page for <paramref name="status"/>: HTML, the layout, the code, the ways back.</summary>
    private static async Task<string> AssertPage(HttpResponseMessage r, HttpStatusCode status)
    {
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains($"data-status=\"{(int)status}\"", html);
        Assert.Contains("<header class=\"site\">", html); // the site's layout, not a bare message
        Assert.Contains("href=\"/\"", html);
        Assert.Contains("首页", html);
        Assert.Contains("返回上一页", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("Not Found", html);
        return html;
    }

    private static async Task AssertProblem(HttpResponseMessage r, HttpStatusCode status)
    {
        Assert.Equal(status, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unknown_address_is_a_chinese_page_for_browsers_and_a_problem_for_other_clients()
    {
        var client = app.Client();
        var html = await AssertPage(await client.SendAsync(Get("/no/such/page", BrowserAccept)), HttpStatusCode.NotFound);
        Assert.Contains("页面不存在", html);
        await AssertProblem(await client.SendAsync(Get("/no/such/page", "application/json")), HttpStatusCode.NotFound);
        await AssertProblem(await client.SendAsync(Get("/no/such/page", null)), HttpStatusCode.NotFound);
        // The API keeps problem details even when a browser asks.
        var (user, _) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        await AssertProblem(await api.SendAsync(Get("/api/v1/filings/" + Guid.NewGuid(), BrowserAccept)), HttpStatusCode.NotFound);
        await AssertProblem(await api.SendAsync(Get("/api/v1/no-such-endpoint", BrowserAccept)), HttpStatusCode.NotFound);
        await AssertProblem(await api.SendAsync(Get("/api/v1/no-such-endpoint", "text/html")), HttpStatusCode.NotFound);
        await AssertProblem(await client.SendAsync(Get("/api/v1/filings", "text/html")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_public_filing_number_and_registry_entry_link_to_the_verify_page()
    {
        var client = app.Client();
        const string number = "网信算备110108000000001260019号";
        var html = await AssertPage(await client.SendAsync(Get("/public/" + Uri.EscapeDataString(number), BrowserAccept)),
            HttpStatusCode.NotFound);
        Assert.Contains(number, html);
        Assert.Contains("/registry/verify?number=" + Uri.EscapeDataString(number), html);
        await AssertProblem(await client.SendAsync(Get("/public/" + Uri.EscapeDataString(number), "application/json")),
            HttpStatusCode.NotFound);

        html = await AssertPage(await client.SendAsync(Get("/registry/entry/" + Uri.EscapeDataString(number), BrowserAccept)),
            HttpStatusCode.NotFound);
        Assert.Contains("公示清单中没有备案编号", html);
        await AssertProblem(await client.SendAsync(Get("/registry/entry/" + Uri.EscapeDataString(number), null)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_accounts_filing_is_a_404_page_with_a_link_to_the_own_filings()
    {
        var owner = await ApprovedFilerAsync(app);
        var id = await CompleteFilingViaApiAsync(await app.ApiClientAsync(owner.User), owner, "甲的算法");
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var browser = await app.SignInAsync(other.User.Email!);
        var request = Get($"/Filings/{id}", BrowserAccept);
        request.Headers.Referrer = new Uri(app.BaseAddress, "/Filings");
        var html = await AssertPage(await browser.SendAsync(request), HttpStatusCode.NotFound);
        Assert.Contains("href=\"/filings\"", html); // back (the referrer) and the filer's main page
        Assert.Contains("我的算法备案", html);
        Assert.DoesNotContain("甲的算法", html);
        await AssertProblem(await browser.SendAsync(Get($"/Filings/{id}", "application/json")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reviewer_page_opened_by_a_filer_is_a_403_page()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var denied = await filer.SendAsync(Get("/Review/Filings", BrowserAccept));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var html = await AssertPage(await filer.SendAsync(Get(denied.Headers.Location!.OriginalString, BrowserAccept)),
            HttpStatusCode.Forbidden);
        Assert.Contains("无权访问", html);
        Assert.Contains("我的算法备案", html);
    }

    [Fact]
    public async Task An_exception_is_a_500_page_without_the_exception_text_or_a_problem_for_other_clients()
    {
        var client = app.Client();
        var html = await AssertPage(await client.SendAsync(Get(FaultyEndpoint.Path, BrowserAccept)), HttpStatusCode.InternalServerError);
        Assert.Contains("出错了", html);
        Assert.DoesNotContain(FaultyEndpoint.Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("   at ", html);

        var problem = await client.SendAsync(Get(FaultyEndpoint.Path, "application/json"));
        await AssertProblem(problem, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(FaultyEndpoint.Secret, await problem.Content.ReadAsStringAsync());
    }
}

/// <summary>An endpoint that always throws, added to the test app to reach the error page.</summary>
public static class FaultyEndpoint
{
    public const string Path = "/test-only/fails";
    public const string Secret = "internal detail that must not reach the user";

    public static void Map(WebApplication app) => app.MapGet(Path, Fail);

    private static IResult Fail() => throw new InvalidOperationException(Secret);
}

public sealed class FaultySqliteApp() : TestApp(Provider.Sqlite)
{
    protected override void OnBuilt(WebApplication app) => FaultyEndpoint.Map(app);
}

public sealed class FaultyPostgresApp() : TestApp(Provider.Postgres)
{
    protected override void OnBuilt(WebApplication app) => FaultyEndpoint.Map(app);
}

public sealed class StatusPageTestsSqlite(FaultySqliteApp app) : StatusPageTests<FaultySqliteApp>(app);
public sealed class StatusPageTestsPostgres(FaultyPostgresApp app) : StatusPageTests<FaultyPostgresApp>(app);
