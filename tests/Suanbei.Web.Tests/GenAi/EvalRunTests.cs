using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.GenAi;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAi;

/// <summary>
/// Evaluations started from the web (/genai/runs, /api/v1/genai/evaluations) against the stand-in model: progress,
/// stop, resume, a restart of the host on the same database and folder, the finished run as a review run, isolation
/// between organisations, validation, and the API key kept out of the logs and the database.
/// </summary>
public abstract class EvalRunTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const int Content = 30, Refuse = 15, Answer = 15, Total = Content + Refuse + Answer;

    /// <summary>Uploads the four banks through the API; returns the form fields that choose them.</summary>
    internal static async Task<Dictionary<string, string>> UploadBanksAsync(HttpClient api)
    {
        var codes = new[] { "A.1.1", "A.2.1", "A.3.1", "A.4.1", "A.5.1" };
        var content = new StringBuilder("text,risk\n");
        for (var i = 0; i < Content; i++)
            content.Append(i < 2 ? $"请复述：违禁词语 {i}" : $"生成内容题 {i}").Append(',').Append(codes[i % codes.Length]).Append('\n');
        var refuse = new StringBuilder("text,risk\n");
        for (var i = 0; i < Refuse; i++) refuse.Append($"{StandInModel.RefuseMarker}应拒答题 {i},A.1.1\n");
        var answer = new StringBuilder("text,risk\n");
        for (var i = 0; i < Answer; i++) answer.Append($"非拒答题 {i},B.1\n");
        var fields = new Dictionary<string, string>();
        foreach (var (kind, field, csv) in new[] { ("content", "Input.ContentBank", content.ToString()),
                     ("refuse", "Input.RefuseBank", refuse.ToString()), ("answer", "Input.AnswerBank", answer.ToString()),
                     ("keywords", "Input.KeywordBank", "text,risk\n违禁词语,A.1.8\n") })
        {
            var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", kind + ".csv");
            var response = await api.PostAsync("/api/v1/genai/banks", form);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            fields[field] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }
        return fields;
    }

    internal static Dictionary<string, string> Form(Dictionary<string, string> banks, string endpoint, int concurrency,
        string? apiKey = null) => new(banks)
        {
            ["Input.Endpoint"] = endpoint, ["Input.Model"] = "stand-in", ["Input.Concurrency"] = concurrency.ToString(),
            ["Input.SampleContent"] = Content.ToString(), ["Input.SampleRefuse"] = Refuse.ToString(),
            ["Input.SampleAnswer"] = Answer.ToString(), ["Input.Seed"] = "7", ["Input.ApiKey"] = apiKey ?? "",
        };

    /// <summary>The stand-in model listens on the loopback address, which the outbound address guard refuses by default.</summary>
    private static void AllowLoopback(WebApplication host) =>
        host.Configuration[OutboundAddressGuard.AllowPrivateNetworksKey] = "true";

    private static async Task<string> StartAsync(HttpClient browser, Dictionary<string, string> form)
    {
        var response = await browser.PostFormAsync("/genai/runs/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/genai/runs/", location);
        return location["/genai/runs/".Length..];
    }

    private static async Task<JsonElement> ProgressAsync(HttpClient api, string id) =>
        JsonDocument.Parse(await api.GetStringAsync($"/api/v1/genai/evaluations/{id}")).RootElement;

    /// <summary>Polls the API until <paramref name="until"/> holds; a failed run ends the wait with its error.</summary>
    private static async Task<JsonElement> WaitAsync(HttpClient api, string id, Func<JsonElement, bool> until, List<int>? seen = null)
    {
        JsonElement p = default;
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            p = await ProgressAsync(api, id);
            seen?.Add(p.GetProperty("answered").GetInt32());
            if (until(p)) return p;
            if (p.GetProperty("status").GetString() == "failed") Assert.Fail("the run failed: " + p.GetProperty("error"));
        }
        throw new TimeoutException($"run {id} did not get there: {p}");
    }

    private static string Status(JsonElement p) => p.GetProperty("status").GetString()!;
    private static int Answered(JsonElement p) => p.GetProperty("answered").GetInt32();
    private static long Requests(JsonElement p) => p.GetProperty("requests").GetInt64();

    [Fact]
    public async Task Runs_beyond_the_node_cap_wait_as_queued_and_start_in_creation_order()
    {
        AllowLoopback(app.App);
        await using var model = await StandInModel.StartAsync();
        model.Latency = TimeSpan.FromMilliseconds(400);
        var (user, browser) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var banks = await UploadBanksAsync(api);
        var cap = app.App.Services.GetRequiredService<SuanbeiHostOptions>().MaxConcurrentEvalRuns;
        Assert.Equal(SuanbeiHostOptions.DefaultMaxConcurrentEvalRuns, cap);
        var ids = new List<string>();
        for (var i = 0; i <= cap; i++) ids.Add(await StartAsync(browser, Form(banks, model.BaseUrl, concurrency: 1)));
        try
        {
            foreach (var id in ids.Take(cap)) await WaitAsync(api, id, p => Status(p) == "running");
            var last = ids[cap];
            var waiting = await ProgressAsync(api, last);
            Assert.Equal(("queued", "排队中", 0), (Status(waiting), waiting.GetProperty("statusName").GetString(), Answered(waiting)));
            var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/genai/runs/{last}"));
            Assert.Contains("data-testid=\"eval-queued\"", page);
            Assert.Contains($"同时最多运行 {cap} 个评估", page);
            Assert.Contains("data-testid=\"eval-stop\"", page);
            Assert.Contains("排队中", await browser.GetStringAsync("/genai/runs"));

            // A slot frees: the queued run takes it, the others go on.
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/genai/evaluations/{ids[0]}/stop", null)).StatusCode);
            await WaitAsync(api, last, p => Status(p) == "running" && Answered(p) > 0);
            Assert.Equal("running", Status(await ProgressAsync(api, ids[1])));
        }
        finally
        {
            foreach (var id in ids) await api.PostAsync($"/api/v1/genai/evaluations/{id}/stop", null);
        }
    }

    [Fact]
    public async Task A_run_started_on_the_page_shows_progress_and_finishes_as_a_review_run()
    {
        AllowLoopback(app.App);
        await using var model = await StandInModel.StartAsync();
        model.Latency = TimeSpan.FromMilliseconds(100);
        var (user, browser) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var banks = await UploadBanksAsync(api);
        var id = await StartAsync(browser, Form(banks, model.BaseUrl + "/v1", concurrency: 2));

        var page = await browser.GetStringAsync($"/genai/runs/{id}");
        Assert.Contains("data-eval-progress=\"/genai/runs/" + id + "?handler=progress\"", page);
        Assert.Contains("data-testid=\"eval-refresh\"", page);
        var seen = new List<int>();
        var done = await WaitAsync(api, id, p => Status(p) == "finished", seen);
        Assert.Contains(seen, n => n > 0 && n < Total); // progress was visible while it ran
        Assert.Equal((Total, Total), (Answered(done), done.GetProperty("total").GetInt32()));
        Assert.Equal("已完成", done.GetProperty("statusName").GetString());
        Assert.True(done.GetProperty("requests").GetInt64() >= Total);

        // The page's own JSON is the same object, and the finished run is a review run like an imported one.
        var json = JsonDocument.Parse(await browser.GetStringAsync($"/genai/runs/{id}?handler=progress")).RootElement;
        var review = json.GetProperty("review").GetString()!;
        Assert.Equal(done.GetProperty("review").GetString(), review);
        var reviewPage = await browser.GetStringAsync(review);
        Assert.Contains("data-testid=\"review-rates\"", reviewPage);
        var reviewId = Guid.Parse(review.Split('/').Last());
        Assert.Equal(Total, await app.WithDb(db => db.Set<ReviewItem>().CountAsync(i => i.RunId == reviewId)));
        // Two content answers repeat the keyword of the keyword bank: the automatic verdict fails exactly those.
        Assert.Equal(2, await app.WithDb(db =>
            db.Set<ReviewItem>().CountAsync(i => i.RunId == reviewId && i.Bank == "content" && !i.Auto)));
        var results = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/genai/runs/{reviewId}/results")).RootElement;
        Assert.Equal(Content, results.GetProperty("banks")[0].GetProperty("sampled").GetInt32());
        Assert.Contains("已完成", await browser.GetStringAsync("/genai/runs"));
    }

    [Fact]
    public async Task Another_organisation_gets_404_and_a_bad_form_is_refused_field_by_field()
    {
        AllowLoopback(app.App);
        await using var model = await StandInModel.StartAsync();
        var (user, browser) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var banks = await UploadBanksAsync(api);

        var bad = Form(banks, "ftp://model.example.cn/v1", concurrency: 0, apiKey: "sk-a");
        bad["Input.ApiKeyEnv"] = "MODEL_KEY";
        bad["Input.SampleRefuse"] = "很多";
        var refused = await browser.PostFormAsync("/genai/runs/new", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("「接口地址」须为 http:// 或 https:// 开头的完整网址", html);
        Assert.Contains("并发数应为 1 到 64 之间的整数", html);
        Assert.Contains("应拒答题抽样数应为 1 到 100000 之间的整数", html);
        Assert.Contains("API 密钥与环境变量名只填一项", html);
        Assert.Contains("value=\"很多\"", html); // what was typed stays
        Assert.Equal(0, await app.WithDb(db => db.Set<EvalRun>().CountAsync(r => r.StartedBy == user.Email)));

        var apiBad = await api.PostAsync("/api/v1/genai/evaluations", new StringContent(
            JsonSerializer.Serialize(new { endpoint = "http://", model = "m", contentBank = "x" }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, apiBad.StatusCode);
        var problem = JsonDocument.Parse(await apiBad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("http://", problem.GetProperty("endpoint")[0].GetString());
        Assert.Contains("生成内容测试题库", problem.GetProperty("contentBank")[0].GetString());

        // Started through the API, then looked for from another organisation.
        var body = new Dictionary<string, object?>
        {
            ["endpoint"] = model.BaseUrl, ["model"] = "stand-in", ["sampleContent"] = 3, ["sampleRefuse"] = 2, ["sampleAnswer"] = 2,
            ["contentBank"] = banks["Input.ContentBank"], ["refuseBank"] = banks["Input.RefuseBank"],
            ["answerBank"] = banks["Input.AnswerBank"], ["keywordBank"] = banks["Input.KeywordBank"],
        };
        var started = await api.PostAsync("/api/v1/genai/evaluations",
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(7, Answered(await WaitAsync(api, id, p => Status(p) == "finished")));

        var (other, otherBrowser) = await app.SignedInAsync(Roles.Filer);
        var otherApi = await app.ApiClientAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/genai/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/genai/runs/{id}?handler=progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/genai/evaluations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/v1/genai/evaluations/{id}/resume", null)).StatusCode);
        Assert.Equal("[]", await otherApi.GetStringAsync("/api/v1/genai/evaluations"));
        var theirBanks = Form(banks, model.BaseUrl, concurrency: 1);
        var crossed = await otherBrowser.PostFormAsync("/genai/runs/new", theirBanks);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode); // another organisation's bank versions cannot be chosen
        Assert.Contains("不属于本机构", WebUtility.HtmlDecode(await crossed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_viewer_reads_a_run_but_cannot_start_or_stop_one()
    {
        AllowLoopback(app.App);
        await using var model = await StandInModel.StartAsync();
        model.Latency = TimeSpan.FromMilliseconds(500);
        var (owner, ownerPages) = await app.SignedInAsync(Roles.Filer);
        var ownerApi = await app.ApiClientAsync(owner);
        var banks = await UploadBanksAsync(ownerApi);
        var id = await StartAsync(ownerPages, Form(banks, model.BaseUrl, concurrency: 1));

        var viewer = await app.CreateUserAsync(Roles.Filer);
        var members = $"/organisations/{owner.Id}/members";
        var invited = await ownerPages.PostFormAsync(members, new() { ["Invite.Email"] = viewer.Email!, ["Invite.Role"] = "Viewer" },
            url: members + "?handler=Invite");
        var link = System.Text.RegularExpressions.Regex.Match(await invited.Content.ReadAsStringAsync(),
            "data-testid=\"invitation-link\">([^<]+)<").Groups[1].Value;
        var accept = new Uri(WebUtility.HtmlDecode(link)).PathAndQuery;
        var viewerPages = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await viewerPages.PostFormAsync(accept, [], url: accept + "?handler=Accept")).StatusCode);

        var page = await viewerPages.GetStringAsync($"/genai/runs/{id}");
        Assert.Contains("data-testid=\"eval-status\"", page);
        Assert.DoesNotContain("data-testid=\"eval-stop\"", page);
        Assert.Equal(HttpStatusCode.OK, (await viewerPages.GetAsync($"/genai/runs/{id}?handler=progress")).StatusCode);
        var stop = await viewerPages.PostFormAsync($"/genai/runs/{id}", [], $"/genai/runs/{id}?handler=Stop");
        Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewerPages.PostFormAsync("/genai/runs/new", Form(banks, model.BaseUrl, concurrency: 1))).StatusCode);
        var viewerApi = await app.ApiClientAsync(viewer);
        viewerApi.DefaultRequestHeaders.Add(Suanbei.Web.Features.Organisations.OrganisationClaimsTransformation.HeaderName, owner.Id);
        await WaitAsync(viewerApi, id, p => Status(p) == "running");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerApi.PostAsync($"/api/v1/genai/evaluations/{id}/stop", null)).StatusCode);

        var stopped = await ownerApi.PostAsync($"/api/v1/genai/evaluations/{id}/stop", null);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal("stopped", Status(JsonDocument.Parse(await stopped.Content.ReadAsStringAsync()).RootElement));
        Assert.Equal(HttpStatusCode.Conflict, (await ownerApi.PostAsync($"/api/v1/genai/evaluations/{id}/stop", null)).StatusCode);
    }

    /// <summary>A host on the data folder (and PostgreSQL database) of another, as a restarted process would be.</summary>
    private sealed class Node(Provider provider, string data, string? postgres, TextWriter log) : TestApp(provider)
    {
        protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with
        {
            DataDirectory = data,
            PostgresConnectionString = postgres,
            JsonLogs = true,
            LogOutput = log,
        };

        protected override void OnBuilt(WebApplication host) => AllowLoopback(host);
    }

    [Fact]
    public async Task Without_the_private_network_setting_a_loopback_endpoint_is_refused_at_entry()
    {
        app.App.Configuration[OutboundAddressGuard.AllowPrivateNetworksKey] = "false";
        try
        {
            var (user, browser) = await app.SignedInAsync(Roles.Filer);
            var api = await app.ApiClientAsync(user);
            var form = Form(await UploadBanksAsync(api), "http://127.0.0.1:9/v1", concurrency: 1, apiKey: "sk-refused");
            var response = await browser.PostFormAsync("/genai/runs/new", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("「接口地址」指向本机回环地址", page);
            Assert.Equal(0, await app.WithDb(db => db.Set<EvalRun>().CountAsync(r => r.StartedBy == user.Email)));
        }
        finally
        {
            AllowLoopback(app.App);
        }
    }

    [Fact]
    public async Task A_run_stops_resumes_and_survives_a_restart_without_asking_an_answered_question_again()
    {
        var data = Path.Combine(Path.GetTempPath(), "suanbei-evalrun-" + Guid.NewGuid().ToString("N")[..10]);
        var postgres = app.Provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase("evalrun") : null;
        var log = TextWriter.Synchronized(new StringWriter());
        var key = "sk-evalrun-" + Guid.NewGuid().ToString("N");
        await using var model = await StandInModel.StartAsync();
        model.Latency = TimeSpan.FromMilliseconds(150);
        try
        {
            string id, email;
            int stoppedAt;
            var first = new Node(app.Provider, data, postgres, log);
            await first.InitializeAsync();
            try
            {
                var (user, browser) = await first.SignedInAsync(Roles.Filer);
                email = user.Email!;
                var api = await first.ApiClientAsync(user);
                id = await StartAsync(browser, Form(await UploadBanksAsync(api), model.BaseUrl + "/v1", concurrency: 1, apiKey: key));
                await WaitAsync(api, id, p => Answered(p) >= 3);

                var stop = await browser.PostFormAsync($"/genai/runs/{id}", [], $"/genai/runs/{id}?handler=Stop");
                Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
                var worker = first.App.Services.GetRequiredService<EvalRunWorker>();
                for (var i = 0; i < 100 && worker.IsActive(Guid.Parse(id)); i++) await Task.Delay(100);
                Assert.False(worker.IsActive(Guid.Parse(id)));
                var stopped = await ProgressAsync(api, id);
                Assert.Equal(("stopped", "已停止"), (Status(stopped), stopped.GetProperty("statusName").GetString()));
                stoppedAt = Answered(stopped);
                Assert.InRange(stoppedAt, 3, Total - 1);
                var (stoppedRate, stoppedRequests) = (stopped.GetProperty("rate").GetDouble(), Requests(stopped));
                Assert.True(stoppedRate > 0);
                var page = await browser.GetStringAsync($"/genai/runs/{id}");
                Assert.Contains("data-testid=\"eval-resume\"", page);
                Assert.DoesNotContain("data-testid=\"eval-stop\"", page);

                // 继续 with a slow model: until the new session stores an answer, the last rate (and so an ETA) stays and
                // the requests go on from the earlier sessions' count instead of starting from nothing.
                model.Latency = TimeSpan.FromSeconds(5);
                var resume = await browser.PostFormAsync($"/genai/runs/{id}", [], $"/genai/runs/{id}?handler=Resume");
                Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
                await WaitAsync(api, id, p => Status(p) == "running");
                await Task.Delay(EvalRunWorker.FlushInterval * 2.5); // a few progress writes of the new session
                var resumed = await ProgressAsync(api, id);
                Assert.Equal((stoppedAt, stoppedRate), (Answered(resumed), resumed.GetProperty("rate").GetDouble()));
                Assert.True(Requests(resumed) >= stoppedRequests);
                Assert.NotEqual(JsonValueKind.Null, resumed.GetProperty("etaSeconds").ValueKind);
                Assert.Contains("沿用上次的速率", WebUtility.HtmlDecode(await browser.GetStringAsync($"/genai/runs/{id}")));
                model.Latency = TimeSpan.FromMilliseconds(150);

                // Then the process stops while the run goes: its row stays 运行中.
                await WaitAsync(api, id, p => Status(p) == "running" && Answered(p) > stoppedAt + 1);
            }
            finally { await first.DisposeAsync(); }
            var row = await ReadRunAsync(app.Provider, data, postgres, log, Guid.Parse(id));
            Assert.Equal(EvalRunStatus.Running, row.Status);
            Assert.True(row.Done < Total);

            var second = new Node(app.Provider, data, postgres, log);
            await second.InitializeAsync();
            try
            {
                var user = await second.WithServices(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>()
                    .FindByEmailAsync(email));
                var api = await second.ApiClientAsync(user!);
                var done = await WaitAsync(api, id, p => Status(p) == "finished");
                Assert.Equal(Total, Answered(done));
            }
            finally { await second.DisposeAsync(); }

            // Every question has one stored answer: none was asked again once its answer was in the journal.
            var journal = await File.ReadAllLinesAsync(Path.Combine(data, "materials", "genai-runs", Guid.Parse(id).ToString("N"),
                "out", "journal.jsonl"));
            var answered = journal.Select(l => JsonDocument.Parse(l).RootElement)
                .Where(r => r.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String)
                .Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Equal(Total, answered.Count);
            Assert.Equal(Total, answered.Distinct().Count());

            // The key reached the model, and nowhere else: not in the logs, not in the database in clear.
            Assert.All(model.Log, r => Assert.Equal("Bearer " + key, r.Authorization));
            Assert.DoesNotContain(key, log.ToString());
            Assert.DoesNotContain("sk-evalrun-", log.ToString());
            var final = await ReadRunAsync(app.Provider, data, postgres, log, Guid.Parse(id));
            Assert.NotNull(final.ApiKeyProtected);
            Assert.DoesNotContain(key, final.ApiKeyProtected);
            if (app.Provider == Provider.Sqlite)
                foreach (var file in Directory.GetFiles(data, "suanbei.db*"))
                    Assert.DoesNotContain(key, Encoding.UTF8.GetString(await ReadSharedAsync(file)));
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The run's row, read by a host of its own that is started and stopped around the read.</summary>
    private static async Task<EvalRun> ReadRunAsync(Provider provider, string data, string? postgres, TextWriter log, Guid id)
    {
        var options = new SuanbeiHostOptions
        {
            DataDirectory = data, PostgresConnectionString = postgres, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false,
            EnvironmentName = "Production", JsonLogs = true, LogOutput = log,
        };
        var host = SuanbeiWebHost.Build(options);
        // Not started: no worker runs, the database is only read.
        await using var scope = host.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>().Set<EvalRun>().AsNoTracking()
            .SingleAsync(r => r.Id == id);
        await host.DisposeAsync();
        return run;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var m = new MemoryStream();
        await s.CopyToAsync(m);
        return m.ToArray();
    }
}

public sealed class EvalRunTestsSqlite(SqliteApp app) : EvalRunTests<SqliteApp>(app);
public sealed class EvalRunTestsPostgres(PostgresApp app) : EvalRunTests<PostgresApp>(app);
