using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAi;

/// <summary>/api/v1/genai: bank checks as versions, run import, results and report — bearer token, owner only.</summary>
public abstract class GenAiApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static MultipartFormDataContent Form(Dictionary<string, string> fields,
        params (string Field, string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (field, name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, name);
        }
        return form;
    }

    [Fact]
    public async Task A_bank_check_is_kept_as_a_version_and_returns_the_check_object()
    {
        var (user, _) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var csv = Encoding.UTF8.GetBytes(BankCoverageTests<TApp>.RefuseCsv(30, "A.1.1", 25));
        for (var expected = 1; expected <= 2; expected++)
        {
            var response = await api.PostAsync("/api/v1/genai/banks",
                Form(new() { ["kind"] = "refuse", ["name"] = "应拒答主库" }, ("file", "refuse.csv", csv)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(expected, root.GetProperty("version").GetInt32());
            Assert.Equal(user.Email, root.GetProperty("uploadedBy").GetString());
            Assert.Equal("refuse", root.GetProperty("kind").GetString());
            var shortfall = Assert.Single(root.GetProperty("shortfalls").EnumerateArray());
            Assert.Equal(("A.1.1", 5, 20), (shortfall.GetProperty("risk").GetString(), shortfall.GetProperty("have").GetInt32(),
                shortfall.GetProperty("need").GetInt32()));
        }
        var list = JsonDocument.Parse(await api.GetStringAsync("/api/v1/genai/banks")).RootElement;
        Assert.Equal([1, 2], list.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        var bad = await api.PostAsync("/api/v1/genai/banks", Form(new() { ["kind"] = "x" }, ("file", "a.csv", csv)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kind 应为 keywords、content、refuse 或 answer", await bad.Content.ReadAsStringAsync());

        var (other, _) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal("[]", await (await app.ApiClientAsync(other)).GetStringAsync("/api/v1/genai/banks"));
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/genai/banks")).StatusCode);
    }

    [Fact]
    public async Task A_run_imports_and_its_results_and_report_are_the_owners_only()
    {
        var (user, _) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var (manifest, journal) = ReviewRunFiles.Build();
        var noKeywords = await api.PostAsync("/api/v1/genai/runs",
            Form([], ("manifest", "manifest.json", manifest), ("journal", "journal.jsonl", journal)));
        Assert.Equal(HttpStatusCode.BadRequest, noKeywords.StatusCode);
        Assert.Contains("\"keywords\"", await noKeywords.Content.ReadAsStringAsync());

        var imported = await api.PostAsync("/api/v1/genai/runs", Form([], ("manifest", "manifest.json", manifest),
            ("journal", "journal.jsonl", journal), ("keywords", "kw.csv", ReviewRunFiles.Keywords)));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var run = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(9, run.GetProperty("answers").GetInt32());
        var id = run.GetProperty("id").GetString();

        var results = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/genai/runs/{id}/results")).RootElement;
        var content = results.GetProperty("banks")[0];
        Assert.Equal((4, 3), (content.GetProperty("sampled").GetInt32(), content.GetProperty("counted").GetInt32()));
        var xlsx = await api.GetAsync($"/api/v1/genai/runs/{id}/results?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var report = await api.GetAsync($"/api/v1/genai/runs/{id}/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await report.Content.ReadAsByteArrayAsync())[..2]);

        var (other, _) = await app.SignedInAsync(Roles.Filer);
        var stranger = await app.ApiClientAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/genai/runs/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/genai/runs/{id}/report")).StatusCode);
    }
}

public sealed class GenAiApiTestsSqlite(SqliteApp app) : GenAiApiTests<SqliteApp>(app);
public sealed class GenAiApiTestsPostgres(PostgresApp app) : GenAiApiTests<PostgresApp>(app);
