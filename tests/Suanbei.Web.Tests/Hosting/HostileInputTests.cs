using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>
/// No input makes the server answer 500, and both databases answer the same: dates outside the plausible range and
/// text PostgreSQL cannot store are refused at the edge with a Chinese message naming the field, stored out-of-range
/// dates don't break the deadline pages, concurrent reviewer actions are 409s, and a sweep of hostile payloads at every
/// /api/v1 write endpoint gets no 5xx.
/// </summary>
public abstract class HostileInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_far_future_date_is_refused_at_the_edge_with_the_field_named()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);

        var put = await api.PutAsync($"/api/v1/filings/{id}/basic", JsonBody("""{"name":"远期算法","launchDate":"9999-12-31"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var message = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("launchDate")[0].GetString();
        Assert.Contains("上线时间", message);
        Assert.Contains("2099-12-31", message);
        Assert.Equal("测试文本生成算法", (await Ok(await api.GetAsync($"/api/v1/filings/{id}"))).GetProperty("name").GetString()); // nothing saved

        var change = await api.PostAsync("/api/v1/subject/change", JsonBody("""{"eventDate":"9999-12-25"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("发生日期", (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .GetProperty("eventDate")[0].GetString());
        var early = await api.PostAsync("/api/v1/subject/change", JsonBody("""{"eventDate":"0001-01-01"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        // The same rule on the page form, next to the field.
        var browser = await app.SignInAsync(filer.User.Email!);
        var draft = await Ok(await api.PostAsync("/api/v1/filings", null), HttpStatusCode.Created);
        var page = await browser.PostFormAsync($"/Filings/{draft.GetProperty("id").GetGuid()}/Basic",
            new() { ["Input.Name"] = "远期算法", ["Input.LaunchDate"] = "9999-12-31" });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("应在 2000-01-01 至 2099-12-31 之间", html);
        Assert.Contains("远期算法", html); // what was typed is kept
    }

    [Fact]
    public async Task Stored_dates_at_the_end_of_the_calendar_do_not_break_the_deadline_pages()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);
        // Data stored before the edge refused such dates.
        await app.WithDb(db => db.Set<AlgorithmFiling>().Where(f => f.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LaunchDate, new DateOnly(9999, 12, 31))));
        await app.WithDb(db => db.Set<Subject>().Where(s => s.OwnerId == filer.User.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ChangeEventDate, new DateOnly(9999, 12, 25))));

        var clocks = await Ok(await api.GetAsync("/api/v1/deadlines"));
        var start = clocks.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "StartOfService");
        Assert.True(start.GetProperty("estimated").GetBoolean());
        var browser = await app.SignInAsync(filer.User.Email!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Deadlines")).StatusCode);
        var feed = (await Ok(await api.PostAsync("/api/v1/deadlines/calendar-token", null))).GetProperty("url").GetString()!;
        var ics = await app.Client().GetAsync(new Uri(feed).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Contains("BEGIN:VEVENT", await ics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_json_reaches_neither_database()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);
        // The JSON reader refuses an unpaired \ud800 escape: a Chinese 400 problem, nothing stored, on both databases.
        var put = await api.PutAsync($"/api/v1/filings/{id}/basic", JsonBody("""{"name":"甲\ud800乙","launchDate":"2026-10-01"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("无法读取", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("测试文本生成算法", (await Ok(await api.GetAsync($"/api/v1/filings/{id}"))).GetProperty("name").GetString());
        Assert.Contains("不成对的代理项", Suanbei.Core.InputRules.TextProblem("甲\ud800乙"));
    }

    [Theory]
    [InlineData("甲\u0000乙", "空字符")]
    [InlineData("\u0000", "空字符")]
    public async Task Text_a_database_cannot_store_is_refused_the_same_on_both_databases(string bad, string reason)
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);

        // JSON escapes (what a client sends): \u0000 and a lone \ud800.
        var escaped = JsonSerializer.Serialize(bad, new JsonSerializerOptions
        {
            Encoder =
            System.Text.Encodings.Web.JavaScriptEncoder.Default
        });
        var put = await api.PutAsync($"/api/v1/filings/{id}/basic", JsonBody($$"""{"name":{{escaped}},"launchDate":"2026-10-01"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var message = errors.GetProperty("name")[0].GetString()!;
        Assert.Contains("算法名称", message);
        Assert.Contains(reason, message);
        Assert.Equal("测试文本生成算法", (await Ok(await api.GetAsync($"/api/v1/filings/{id}"))).GetProperty("name").GetString());

        // A form field (subject page): refused next to the field, the rest of the form kept.
        var browser = await app.SignInAsync((await app.CreateUserAsync(Roles.Filer)).Email!);
        var form = TestData.Form(TestData.CompleteDetails() with { Name = bad, Address = "北京市海淀区某路1号" });
        // The subject form is multipart (it has file inputs), as a browser sends it.
        var page = await browser.PostMultipartAsync("/Subjects", form, [], "/Subjects?handler=Save");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {await page.Content.ReadAsStringAsync()}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("“主体名称”", html);
        Assert.Contains(reason, html);
        Assert.Contains("北京市海淀区某路1号", html);
        Assert.False(await app.WithDb(db => db.Set<Subject>().AnyAsync(s => EF.Property<string>(s, "Address") == "北京市海淀区某路1号")));

        // A URL-encoded form: ASP.NET Core cannot decode %00 at all; the answer is a Chinese page, not a bare 400.
        var encoded = await browser.PostFormAsync("/Filings", new() { ["Name"] = bad }, "/Filings?handler=Create");
        Assert.Equal(HttpStatusCode.BadRequest, encoded.StatusCode);
        Assert.Contains("空字符 U+0000", await encoded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_reviewers_starting_the_first_review_at_once_get_one_success_and_one_409()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewers = new[] { await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer)),
            await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer)) };
        for (var pair = 0; pair < 10; pair++)
        {
            var id = await CompleteFilingViaApiAsync(api, filer, $"并发测试算法{pair}");
            await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
            var start = new TaskCompletionSource();
            var racing = reviewers.Select(async r =>
            {
                await start.Task;
                return await r.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null);
            }).ToList();
            start.SetResult();
            var responses = await Task.WhenAll(racing);
            var codes = responses.Select(r => r.StatusCode).OrderBy(c => c).ToList();
            Assert.True(codes.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), $"pair {pair}: {string.Join(", ", codes)}");
            var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Matches("[\u4e00-\u9fff]", conflict.GetProperty("detail").GetString()!);
            var audit = await Ok(await api.GetAsync($"/api/v1/filings/{id}/audit"));
            Assert.Single(audit.EnumerateArray(), a => a.GetProperty("to").GetString() == "一审");
        }
    }

    /// <summary>Values a careless or hostile client sends in place of any field.</summary>
    private static readonly string[] HostileValues =
    [
        JsonSerializer.Serialize(new string('长', 3_000)), "\"a\\u0000b\"", "\"a\\ud800b\"", "\"0001-01-01\"", "\"9999-12-31\"",
        "-1", "-9223372036854775809", "1e308", "99999999999999999999999999", "true", "[]", "{}", "null", "\"\"",
    ];

    private static readonly string[] FieldNames =
    [
        "name", "type", "domain", "launchDate", "role", "mainPurpose", "selfAssessmentReportId", "eventDate", "description", "reason",
        "reasons", "details", "labeling", "products", "serviceMode", "serviceModeDescription", "email", "password", "text", "creditCode",
        "monthlyActiveUsers", "logRetentionMonths", "summary", "scenarios", "form", "status", "accessAddress", "icpNumber",
        "icpExpiresOn", "functions", "answers", "launch", "regionCode", "officerName", "field", "productId", "functionIds",
    ];

    private static IEnumerable<HttpContent?> HostileBodies()
    {
        yield return null;
        yield return JsonBody("");
        yield return JsonBody("{");
        yield return JsonBody("null");
        yield return JsonBody("[1,2]");
        yield return JsonBody("\"text\"");
        yield return new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        foreach (var v in HostileValues)
            yield return JsonBody("{" + string.Join(",", FieldNames.Select(f => $"\"{f}\":{v}")) + "}");
        // Nested: the value inside the objects and lists the endpoints expect.
        foreach (var v in HostileValues.Take(5))
            yield return JsonBody($$"""{"details":{"summary":{{v}},"scenarios":{{v}}},"labeling":[""" +
                $$"""{"modality":"Text","explicitMethod":{{v}}}],"reasons":[""" +
                $$"""{"field":{{v}},"reason":{{v}}}],"products":[{"productId":"{{Guid.Empty}}","functionIds":[{{v}}]}]}""");
    }

    [Fact]
    public async Task No_api_write_endpoint_answers_5xx_to_hostile_payloads()
    {
        var filer = await ApprovedFilerAsync(app);
        var filerApi = await app.ApiClientAsync(filer.User);
        var filingId = await CompleteFilingViaApiAsync(filerApi, filer);
        var clients = new[]
        {
            filerApi, await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer)),
                await app.ApiClientAsync(await app.CreateUserAsync(Roles.Admin)),
        };
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Distinct().OrderBy(e => e.Pattern, StringComparer.Ordinal).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} write endpoints found");

        var failures = new List<string>();
        var requests = 0;
        foreach (var (method, pattern) in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([a-zA-Z]+)(:[^}]*)?\\}",
                m => m.Groups[2].Value.Contains("guid") ? filingId.ToString() : "x");
            foreach (var client in clients)
                foreach (var body in HostileBodies())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
                    HttpResponseMessage response;
                    try { response = await client.SendAsync(request); }
                    catch (HttpRequestException)
                    {
                        // The server answered (e.g. 401/403/413) and closed before the client finished sending: no 5xx.
                        continue;
                    }
                    using var _ = response;
                    requests++;
                    if ((int)response.StatusCode >= 500)
                        failures.Add(
                            $"{method} {path} [{(body is null ? "no body" : Truncate(await body.ReadAsStringAsync()))}] → " +
                            $"{(int)response.StatusCode}");
                }
        }
        Assert.True(requests > endpoints.Count * 20, $"only {requests} requests were answered");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests answered 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    private static string Truncate(string s) => s.Length > 80 ? s[..80] + "…" : s;
}

public sealed class HostileInputTestsSqlite(SqliteApp app) : HostileInputTests<SqliteApp>(app);
public sealed class HostileInputTestsPostgres(PostgresApp app) : HostileInputTests<PostgresApp>(app);
