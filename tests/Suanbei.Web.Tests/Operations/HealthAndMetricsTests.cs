using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Operations;

/// <summary>/healthz, /readyz and /metrics on both databases: answers, the Prometheus text with per-route request
/// histograms, background job results and queue depth, and who may read the metrics.</summary>
public abstract class HealthAndMetricsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Health_and_readiness_answer_200_once_the_database_is_migrated()
    {
        var client = app.Client();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());
        Assert.False(ready.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Metrics_show_request_histograms_per_route_template_job_results_and_queue_depth()
    {
        var client = app.Client();
        for (var i = 0; i < 3; i++) (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        (await client.GetAsync("/account/login")).EnsureSuccessStatusCode(); // a Razor page: its template has no leading slash
        var metrics = app.App.Services.GetRequiredService<OperationsMetrics>();
        metrics.SetQueueDepth("notifications_outbox", 7);
        var job = new FailingJob(app.App.Services);
        Assert.False(await job.TickAsync(CancellationToken.None));

        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        var healthz = text.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/healthz\"")).ToList();
        Assert.True(int.Parse(Assert.Single(healthz).Split(' ')[1]) >= 3, string.Join('\n', healthz));
        Assert.Matches("(?i)http_route=\"/account/login\"", text);
        Assert.DoesNotMatch("http_route=\"[^/]", text);
        Assert.Contains("le=\"+Inf\"", text);
        Assert.Contains("suanbei_queue_depth{queue=\"notifications_outbox\"} 7", text);
        Assert.Contains("suanbei_background_job_runs_total{job=\"test_failing\",result=\"failed\"} 1", text);
        Assert.Contains("suanbei_leader 1", text);
    }

    [Fact]
    public async Task Metrics_are_refused_to_a_request_that_came_through_a_proxy()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("指标令牌", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_is_503_with_a_reason_while_a_migration_is_missing()
    {
        var last = (await app.WithDb(db => db.Database.GetAppliedMigrationsAsync())).Last();
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}"));
        try
        {
            var ready = await app.Client().GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("数据库结构未升级", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await app.WithDb(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({last}, '10.0.0')"));
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/readyz")).StatusCode);
    }

    private sealed class FailingJob(IServiceProvider sp) : LeaderOnlyBackgroundService(sp.GetRequiredService<IServiceScopeFactory>(),
        sp.GetRequiredService<ILeadership>(), sp.GetRequiredService<OperationsMetrics>(),
        sp.GetRequiredService<ILogger<FailingJob>>())
    {
        protected override TimeSpan Interval => TimeSpan.FromHours(1);
        protected override string JobName => "test_failing";
        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
            throw new InvalidOperationException("the job failed");
    }
}

public sealed class HealthAndMetricsTestsSqlite(SqliteApp app) : HealthAndMetricsTests<SqliteApp>(app);
public sealed class HealthAndMetricsTestsPostgres(PostgresApp app) : HealthAndMetricsTests<PostgresApp>(app);

/// <summary>A metrics token lets a scraper through a proxy; a wrong token does not.</summary>
public sealed class MetricsTokenTests(MetricsTokenTests.TokenApp app) : IClassFixture<MetricsTokenTests.TokenApp>
{
    public const string Token = "metrics-token-4f9c2e";

    public sealed class TokenApp() : TestApp(Provider.Sqlite)
    {
        protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with { MetricsToken = Token };
    }

    [Fact]
    public async Task The_configured_token_opens_metrics_from_anywhere_and_a_wrong_one_does_not()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var ok = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await ok.Content.ReadAsStringAsync());
    }
}
