using System.Net;
using System.Text.RegularExpressions;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>
/// Every address the app generates (links, form actions, redirects) has a lowercase path, and the PascalCase
/// addresses of earlier versions (bookmarks, links in mail, scripts) still reach the same page.
/// </summary>
public abstract partial class UrlCaseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private sealed record World(HttpClient Anonymous, HttpClient Filer, HttpClient Reviewer, HttpClient Admin,
        Filer Fixture, Guid DraftId, Guid SubmittedId);

    private async Task<World> WorldAsync()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var draft = await CompleteFilingViaApiAsync(api, filer);
        var submitted = await CompleteFilingViaApiAsync(api, filer, "已提交的算法");
        await Ok(await api.PostAsync($"/api/v1/filings/{submitted}/submit", null));
        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        var (_, admin) = await app.SignedInAsync(Roles.Admin);
        return new World(app.Client(), await app.SignInAsync(filer.User.Email!), reviewer, admin, filer, draft, submitted);
    }

    /// <summary>The path of a local address in lower case; the query string and fragment stay as they are.</summary>
    private static string Lower(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url.ToLowerInvariant() : url[..end].ToLowerInvariant() + url[end..];
    }

    private static string PathOf(Uri? location) =>
        location is null ? "" : (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).Split('?')[0];

    [Fact]
    public async Task Old_PascalCase_addresses_still_reach_the_same_page()
    {
        var w = await WorldAsync();
        var (d, s, f) = (w.DraftId, w.SubmittedId, w.Fixture);
        (HttpClient Client, string Url, HttpStatusCode Expected)[] cases =
        [
            (w.Anonymous, "/Account/Login", HttpStatusCode.OK),
            (w.Anonymous, "/Account/Register", HttpStatusCode.OK),
            (w.Anonymous, "/Assess", HttpStatusCode.OK),
            (w.Anonymous, "/Subjects", HttpStatusCode.Redirect),
            (w.Anonymous, "/Filings/" + d, HttpStatusCode.Redirect),
            (w.Anonymous, "/Registry", HttpStatusCode.OK),
            (w.Anonymous, "/Registry/Stats", HttpStatusCode.OK),
            (w.Anonymous, "/Registry/Verify", HttpStatusCode.OK),
            (w.Anonymous, "/Public", HttpStatusCode.OK),
            (w.Anonymous, "/Labels", HttpStatusCode.Redirect),
            (w.Filer, "/Labels", HttpStatusCode.OK),
            (w.Filer, "/Subjects", HttpStatusCode.OK),
            (w.Filer, "/Products", HttpStatusCode.OK),
            (w.Filer, "/Products/Edit", HttpStatusCode.OK),
            (w.Filer, "/Products/Edit?id=" + f.ProductId, HttpStatusCode.OK),
            (w.Filer, "/Filings", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Basic", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Details", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Products", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Confirm", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Check", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Documents", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{d}/Documents/package", HttpStatusCode.OK),
            (w.Filer, $"/Filings/{s}", HttpStatusCode.OK),
            (w.Filer, $"/Materials/{f.MaterialId}", HttpStatusCode.OK),
            (w.Filer, "/Deadlines", HttpStatusCode.OK),
            (w.Filer, "/Account/Manage", HttpStatusCode.OK),
            (w.Filer, "/Account/Manage/Tokens", HttpStatusCode.OK),
            (w.Filer, "/Account/Manage/ChangePassword", HttpStatusCode.OK),
            (w.Filer, "/Review/Subjects", HttpStatusCode.Redirect),
            (w.Filer, "/Account/AccessDenied", HttpStatusCode.Forbidden),
            (w.Reviewer, "/Review/Subjects", HttpStatusCode.OK),
            (w.Reviewer, "/Review/Subjects/Detail?id=" + f.SubjectId, HttpStatusCode.OK),
            (w.Reviewer, "/Review/Filings", HttpStatusCode.OK),
            (w.Reviewer, $"/Review/Filings/{s}", HttpStatusCode.OK),
            (w.Admin, "/Admin/Users", HttpStatusCode.OK),
        ];
        foreach (var (client, url, expected) in cases)
        {
            var old = await client.GetAsync(url);
            var now = await client.GetAsync(Lower(url));
            Assert.True(expected == old.StatusCode, $"{url}: expected {(int)expected}, got {(int)old.StatusCode}");
            Assert.True(now.StatusCode == old.StatusCode, $"{Lower(url)}: {(int)now.StatusCode}, the old address {(int)old.StatusCode}");
            Assert.Equal(PathOf(now.Headers.Location), PathOf(old.Headers.Location));
        }
        // Identity's cookie paths: the anonymous visitor is sent to the sign-in page, the filer to 无权访问.
        Assert.Equal("/account/login", PathOf((await w.Anonymous.GetAsync("/Subjects")).Headers.Location));
        Assert.Equal("/account/accessdenied", PathOf((await w.Filer.GetAsync("/Review/Subjects")).Headers.Location));
        // Forms posted to an old address still work: signing out through /Account/Logout.
        var signOut = await w.Admin.PostFormAsync("/Admin/Users", new(), url: "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.Admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [GeneratedRegex("(?:href|action|src)=\"([^\"]*)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentEscape();

    /// <summary>The local addresses in the page (or a redirect) whose path has an upper-case ASCII letter.</summary>
    private static IEnumerable<string> UpperCasePaths(string where, IEnumerable<string> urls) =>
        urls.Select(WebUtility.HtmlDecode)
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal))
            // Percent escapes (the filing number in /registry/entry/…) are upper-case hex by RFC 3986, not a case style.
            .Where(u => PercentEscape().Replace(u.Split('?', '#')[0], "").Any(char.IsAsciiLetterUpper))
            .Select(u => $"{where}: {u}");

    [Fact]
    public async Task Links_forms_and_redirects_use_lowercase_paths()
    {
        var w = await WorldAsync();
        var (d, s, f) = (w.DraftId, w.SubmittedId, w.Fixture);
        (HttpClient Client, string[] Urls)[] pages =
        [
            (w.Anonymous, ["/", "/account/login", "/account/register", "/assess", "/registry", "/public", "/labels", "/no/such/page"]),
            (w.Filer, ["/", "/subjects", "/products", "/products/edit", "/products/edit?id=" + f.ProductId, "/filings",
                $"/filings/{d}", $"/filings/{d}/basic", $"/filings/{d}/details", $"/filings/{d}/products", $"/filings/{d}/confirm",
                $"/filings/{d}/check", $"/filings/{d}/documents", $"/filings/{s}", "/deadlines", "/account/manage",
                "/account/manage/tokens", "/account/manage/changepassword", "/assess"]),
            (w.Reviewer, ["/", "/review/subjects", "/review/subjects/detail?id=" + f.SubjectId, "/review/filings", $"/review/filings/{s}"]),
            (w.Admin, ["/", "/admin/users"]),
        ];
        var problems = new List<string>();
        var links = 0;
        foreach (var (client, urls) in pages)
            foreach (var url in urls)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("text/html");
                var response = await client.SendAsync(request);
                var html = await response.Content.ReadAsStringAsync();
                var found = LinkPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
                links += found.Count;
                problems.AddRange(UpperCasePaths(url, found));
            }
        Assert.True(links > 200, $"only {links} links found: the pages did not render");

        // Redirects: to sign in, to 无权访问, after signing in, after creating a filing, after registering.
        var locations = new List<(string Where, Uri? Location)>
        {
            ("anonymous /subjects", (await w.Anonymous.GetAsync("/subjects")).Headers.Location),
            ("filer /review/subjects", (await w.Filer.GetAsync("/review/subjects")).Headers.Location),
            ("sign-in", (await app.Client().PostFormAsync("/account/login",
                new() { ["Input.Email"] = f.User.Email!, ["Input.Password"] = TestApp.Password })).Headers.Location),
            ("create filing", (await w.Filer.PostFormAsync("/filings", new(), url: "/filings?handler=Create")).Headers.Location),
            ("register", (await app.Client().PostFormAsync("/account/register", new()
            {
                ["Input.Email"] = TestApp.NewEmail("case"),
                ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password,
            })).Headers.Location),
        };
        Assert.All(locations, l => Assert.NotNull(l.Location));
        problems.AddRange(locations.SelectMany(l => UpperCasePaths(l.Where, [l.Location!.OriginalString])));
        Assert.True(problems.Count == 0, "upper-case paths:\n" + string.Join("\n", problems.Distinct()));
    }
}

public sealed class UrlCaseTestsSqlite(SqliteApp app) : UrlCaseTests<SqliteApp>(app);
public sealed class UrlCaseTestsPostgres(PostgresApp app) : UrlCaseTests<PostgresApp>(app);
