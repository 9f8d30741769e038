using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Tests.Support;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real web app on a free loopback port with a fresh SQLite file or a fresh PostgreSQL database
/// (<see cref="PostgresServer"/> starts a throwaway server). Usage in a test class shared by both providers:
/// <code>
///   public abstract class MyTests&lt;TApp&gt;(TApp app) : IClassFixture&lt;TApp&gt; where TApp : TestApp { … }
///   public sealed class MyTestsSqlite(SqliteApp app) : MyTests&lt;SqliteApp&gt;(app);
///   public sealed class MyTestsPostgres(PostgresApp app) : MyTests&lt;PostgresApp&gt;(app);
/// </code>
/// Authenticate with <see cref="SignInAsync"/> (cookie + antiforgery like a browser) or <see cref="ApiClientAsync"/> (bearer token).
/// </summary>
public abstract class TestApp : IAsyncLifetime
{
    protected TestApp(Provider provider) => Provider = provider;

    public Provider Provider { get; }
    public WebApplication App { get; private set; } = null!;
    public SuanbeiHostOptions Options { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "suanbei-web-test-" + Guid.NewGuid().ToString("N")[..10]);
    /// <summary>Override to change options (e.g. a small materials limit).</summary>
    protected virtual SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o;
    /// <summary>Override to add endpoints before the app starts (e.g. one that fails, to see the error page).</summary>
    protected virtual void OnBuilt(WebApplication app) { }

    public const string Password = "testpassword1";

    public async Task InitializeAsync()
    {
        Options = Configure(new SuanbeiHostOptions
        {
            DataDirectory = DataDirectory,
            PostgresConnectionString = Provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase("web") : null,
            Urls = "http://127.0.0.1:0",
            CreateFirstAdmin = false,
            EnvironmentName = "Production",
        });
        App = SuanbeiWebHost.Build(Options);
        OnBuilt(App);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch { }
    }

    public HttpClient Client() => new(new HttpClientHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false
    })
    { BaseAddress = BaseAddress };

    public async Task<T> WithDb<T>(Func<SuanbeiDbContext, Task<T>> f)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>());
    }

    public async Task<T> WithServices<T>(Func<IServiceProvider, Task<T>> f)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider);
    }

    public static string NewEmail(string prefix = "u") => $"{prefix}-{Guid.NewGuid():N}"[..20] + "@example.cn";

    /// <summary>Creates an account in a role (directly, as the CLI does) with <see cref="Password"/>.</summary>
    public Task<AppUser> CreateUserAsync(string role, string? email = null) => WithServices(async sp =>
    {
        var created = await UserAdministration.CreateUserAsync(
            sp.GetRequiredService<UserManager<AppUser>>(), email ?? NewEmail(role.ToLowerInvariant()), role, Password,
            DateTimeOffset.UtcNow);
        return created.User;
    });

    /// <summary>A client signed in through the login page (cookie), like a browser.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var client = Client();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException(
                $"sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Creates a user in a role and signs it in.</summary>
    public async Task<(AppUser User, HttpClient Client)> SignedInAsync(string role)
    {
        var user = await CreateUserAsync(role);
        return (user, await SignInAsync(user.Email!));
    }

    /// <summary>A client with a fresh bearer API token of the user.</summary>
    public async Task<HttpClient> ApiClientAsync(AppUser user)
    {
        var (_, plain) = await WithDb(db => ApiToken.CreateAsync(db, user.Id, "test", DateTimeOffset.UtcNow));
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return client;
    }
}

public sealed class SqliteApp() : TestApp(Provider.Sqlite);
public sealed class PostgresApp() : TestApp(Provider.Postgres);

/// <summary>
/// Posts a page's form as a browser would: the antiforgery token comes from the form that is submitted (the one whose
/// action, or a button's formaction, is the target URL), so a form that lost its token fails here instead of passing on
/// another form's token.
/// </summary>
public static partial class HttpForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("\\b(?<name>form)?action=\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionPattern();

    [GeneratedRegex("\\bmethod=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    /// <summary>The first antiforgery token anywhere in <paramref name="html"/> (for tests that build a request by hand).</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no antiforgery token in page");

    /// <summary>
    /// The token of the POST form on <paramref name="html"/> (fetched from <paramref name="page"/>) that submits to
    /// <paramref name="target"/>: by its action or a button's formaction, first the whole URL, then the path alone; a page
    /// none of whose forms posts there (a test posting across accounts on purpose) uses its first POST form. Throws when
    /// that form carries no token.
    /// </summary>
    public static string FormToken(string html, string page, string target)
    {
        var forms = FormPattern().Matches(html).Where(f => PostMethod().IsMatch(f.Groups["attrs"].Value))
            .Select(f => (Html: f.Value, Targets: Targets(f, page))).ToList();
        if (forms.Count == 0) throw new InvalidOperationException($"{page} has no POST form");
        var form = forms.FirstOrDefault(f => f.Targets.Contains(Normal(target)));
        if (form.Html is null) form = forms.FirstOrDefault(f => f.Targets.Select(PathOf).Contains(PathOf(Normal(target))));
        if (form.Html is null) form = forms[0];
        return TokenPattern().Match(form.Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"the form on {page} that posts to {target} has no antiforgery token:\n{form.Html}");
    }

    private static List<string> Targets(Match form, string page)
    {
        var action = ActionPattern().Matches(form.Groups["attrs"].Value).FirstOrDefault(a => !a.Groups["name"].Success);
        var targets = new List<string> { Normal(action is null ? page : WebUtility.HtmlDecode(action.Groups["url"].Value)) };
        targets.AddRange(ActionPattern().Matches(form.Groups["body"].Value).Where(a => a.Groups["name"].Success)
            .Select(a => Normal(WebUtility.HtmlDecode(a.Groups["url"].Value))));
        return targets;
    }

    private static string Normal(string url) => url.ToLowerInvariant();
    private static string PathOf(string url) => url.Split('?')[0];

    /// <summary>GETs the page (for its form's antiforgery token and the cookie), then POSTs the form fields to
    /// <paramref name="url"/> (or the page itself).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string page, Dictionary<string, string> fields, string? url = null)
    {
        var html = await client.GetStringAsync(page);
        var token = FormToken(html, page, url ?? page);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url ?? page, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts multipart form data (fields and files) with the submitted form's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string page, Dictionary<string, string> fields,
        IEnumerable<(string Field, string FileName, byte[] Content)> files, string? url = null)
    {
        var html = await client.GetStringAsync(page);
        var token = FormToken(html, page, url ?? page);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        foreach (var (field, name, bytes) in files) content.Add(new ByteArrayContent(bytes), field, name);
        return await client.PostAsync(url ?? page, content);
    }
}
