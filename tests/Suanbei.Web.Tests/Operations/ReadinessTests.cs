using System.Net;
using Suanbei.Testing;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Tests.Operations;

/// <summary>A database that goes away: on a PostgreSQL server of the test's own, stopped and started again.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_follows_the_database_going_away_and_coming_back_while_health_stays_200()
    {
        using var server = PostgresServer.StartOwn();
        var data = Path.Combine(Path.GetTempPath(), "suanbei-ready-" + Guid.NewGuid().ToString("N")[..8]);
        await using var app = SuanbeiWebHost.Build(new SuanbeiHostOptions
        {
            DataDirectory = data, PostgresConnectionString = server.CreateDatabase("ready") + ";Timeout=2",
            Urls = "http://127.0.0.1:0", CreateFirstAdmin = false, EnvironmentName = "Production",
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

            server.Stop();
            var down = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("数据库", await down.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

            server.Start();
            // Pooled connections died with the server; the pool notices and opens new ones within a few tries.
            var status = HttpStatusCode.ServiceUnavailable;
            for (var i = 0; i < 20 && status != HttpStatusCode.OK; i++)
            {
                status = (await client.GetAsync("/readyz")).StatusCode;
                if (status != HttpStatusCode.OK) await Task.Delay(250);
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
