using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suanbei.Testing;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Operations;

/// <summary>JSON logs: one object per line, a line per request with its route template, and no secret — neither the
/// database password nor a configured token nor what a client sends — reaches the output.</summary>
public sealed class JsonLogTests(JsonLogTests.JsonLogApp app) : IClassFixture<JsonLogTests.JsonLogApp>
{
    public const string DbPassword = "db-Secret-7731";
    public const string MetricsToken = "metrics-Secret-5512";

    public sealed class JsonLogApp() : TestApp(Provider.Postgres)
    {
        public StringWriter Output { get; } = new();
        public TextWriter SyncOutput => _sync ??= TextWriter.Synchronized(Output);
        private TextWriter? _sync;

        // Trust authentication ignores the password, so the real server accepts the connection string that carries one.
        protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with
        {
            PostgresConnectionString = o.PostgresConnectionString + ";Password=" + DbPassword,
            JsonLogs = true,
            LogOutput = SyncOutput,
            MetricsToken = MetricsToken,
        };

        public string Text() { lock (SyncOutput) return Output.ToString(); }
    }

    [Fact]
    public async Task Every_line_is_json_and_requests_are_logged_by_route_template_without_secrets()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sb_ClientSentTokenAbcdef0123456789");
        await client.GetAsync("/healthz?password=hunter2-query-secret");
        await client.GetAsync("/api/v1/subject?api_key=query-key-secret-99");
        await client.GetAsync("/account/login"); // a Razor page: its template has no leading slash

        var log = app.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Suanbei.Tests");
        var cs = app.Options.PostgresConnectionString;
        log.LogWarning("Connecting with {ConnectionString}", cs);
        log.LogWarning("Scraper configured: token {Token}, header Authorization: Bearer {Plain}", MetricsToken, "abc.def.ghi");
        log.LogError(new InvalidOperationException($"failed on {cs}"), "Failure with Password={Password}", "inline-pass-42");

        var text = app.Text();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // throws on a non-JSON line
        Assert.Contains(objects, o => o.GetProperty("category").GetString() == typeof(RequestLogMiddleware).FullName
            && o.GetProperty("Route").GetString() == "/healthz" && o.GetProperty("Status").GetDouble() == 200);
        // Pages and endpoints alike start with a slash, as the metrics' http_route labels do.
        var routes = objects.Where(o => o.GetProperty("category").GetString() == typeof(RequestLogMiddleware).FullName)
            .Select(o => o.GetProperty("Route").GetString()!).ToList();
        Assert.Contains(routes, r => string.Equals(r, "/account/login", StringComparison.OrdinalIgnoreCase));
        Assert.All(routes, r => Assert.StartsWith("/", r));
        Assert.Contains(objects, o => o.TryGetProperty("exception", out _) && o.GetProperty("level").GetString() == "Error");
        foreach (var secret in new[] { DbPassword, MetricsToken, "hunter2-query-secret", "query-key-secret-99",
                     "sb_ClientSentTokenAbcdef0123456789", "abc.def.ghi", "inline-pass-42" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains(SecretRedactor.Mask, text);
    }

    [Fact]
    public void The_redactor_masks_assignments_bearer_tokens_api_tokens_and_known_values()
    {
        var r = new SecretRedactor(["known-value-123"]);
        Assert.Equal("Host=h;Password=***;Database=d", r.Redact("Host=h;Password=pw1;Database=d"));
        Assert.Equal("Authorization: Bearer ***", r.Redact("Authorization: Bearer xyz"));
        Assert.Equal("token sb_***", r.Redact("token sb_AAAAbbbbCCCC1234"));
        Assert.Equal("got *** here", r.Redact("got known-value-123 here"));
        Assert.Equal("备案 2 条，正常文本", r.Redact("备案 2 条，正常文本"));
    }
}
