using System.Net;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>
/// The layout reads TempData on every page. A page with no message to carry sets no cookie at all (before, every
/// response deleted a TempData cookie the browser never had), and a message still shows once, then is gone.
/// </summary>
public abstract class TempDataCookieTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Theory]
    [InlineData("/")]
    [InlineData("/registry?q=%E6%99%BA%E8%83%BD")]
    [InlineData("/registry/verify")]
    [InlineData("/public")]
    public async Task A_public_page_sets_no_cookie(string page)
    {
        using var client = app.Client();
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(SetCookies(response));
    }

    [Fact]
    public async Task A_message_shows_once_and_its_cookie_is_deleted_on_the_next_page()
    {
        var (_, client) = await app.SignedInAsync(Roles.Filer);
        var posted = await client.PostFormAsync("/notifications", new(), "/notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(SetCookies(posted), c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal)
            && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));

        var shown = await client.GetAsync("/notifications");
        Assert.Contains("已全部标为已读。", await shown.Content.ReadAsStringAsync());
        Assert.Contains(SetCookies(shown), c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=;", StringComparison.Ordinal)
            && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));

        var after = await client.GetAsync("/notifications");
        Assert.DoesNotContain("已全部标为已读。", await after.Content.ReadAsStringAsync());
        Assert.DoesNotContain(SetCookies(after), c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
    }
}

public sealed class TempDataCookieTestsSqlite(SqliteApp app) : TempDataCookieTests<SqliteApp>(app);
public sealed class TempDataCookieTestsPostgres(PostgresApp app) : TempDataCookieTests<PostgresApp>(app);
