using System.Net;
using System.Text;
using Suanbei.Testing;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Assess;

/// <summary>备案判断 on the web: the API, the wizard form, and creating draft filings from a plan.</summary>
public sealed class AssessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Scenario(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Suanbei.Core.Tests", "AssessmentScenarios", name + ".json"));

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Api_returns_the_plan_with_articles_and_rejects_bad_answers_naming_the_field()
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        var plan = await Ok(await api.PostAsync("/api/v1/assess", JsonBody(Scenario("face-swap-mini-program"))));
        Assert.True(plan.GetProperty("filingRequired").GetBoolean());
        Assert.NotEmpty(plan.GetProperty("securityAssessments").EnumerateArray());
        Assert.All(plan.GetProperty("reasons").EnumerateArray(), r => Assert.StartsWith("《", r.GetProperty("article").GetString()));

        var none = await Ok(await api.PostAsync("/api/v1/assess", JsonBody(Scenario("internal-analytics-tool"))));
        Assert.False(none.GetProperty("filingRequired").GetBoolean());

        var bad = await api.PostAsync("/api/v1/assess", JsonBody("{\"serviceName\":\"\",\"functions\":[{\"name\":\"x\"}],\"offersToEndUsers\":true}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("serviceName", problem);
        Assert.Contains("服务名称", problem);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsync("/api/v1/assess", JsonBody(Scenario("ai-writing-app")))).StatusCode);
    }

    [Fact]
    public async Task Plan_creates_one_draft_per_planned_filing_for_an_approved_filer_only()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var plan = await Ok(await api.PostAsync("/api/v1/assess", JsonBody(Scenario("voice-cloning-tool"))));
        var planned = plan.GetProperty("filings").EnumerateArray().Select(f => f.GetProperty("algorithmName").GetString()).ToList();
        var created = await Ok(await api.PostAsync("/api/v1/assess/drafts", JsonBody(Scenario("voice-cloning-tool"))), HttpStatusCode.Created);
        Assert.Equal(planned.Count, created.GetArrayLength());
        var list = await Ok(await api.GetAsync("/api/v1/filings"));
        foreach (var name in planned) Assert.Contains(list.EnumerateArray(), f => f.GetProperty("name").GetString() == name && f.GetProperty("status").GetString() == "Draft");

        var unapproved = await app.CreateUserAsync(Roles.Filer);
        var r = await (await app.ApiClientAsync(unapproved)).PostAsync("/api/v1/assess/drafts", JsonBody(Scenario("voice-cloning-tool")));
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("主体备案通过审核后", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wizard_form_shows_the_plan_citing_each_rule()
    {
        var client = app.Client();
        var html = await client.GetStringAsync("/Assess");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HttpForms.AntiforgeryToken(html)),
            new("Input.ServiceName", "换脸小程序"), new("Input.Audience", "Public"), new("Input.Forms", "小程序"),
            new("Input.OffersToEndUsers", "true"), new("Input.ProvidesApiToBusinesses", "false"), new("Input.LargeModel", "None"),
            new("Input.LaunchDate", "2026-11-02"),
            new("Input.Functions[0].Name", "一键换脸"), new("Input.Functions[0].Generates", "Image"), new("Input.Functions[0].Generates", "Video"),
            new("Input.Functions[0].EditsFaces", "true"),
        };
        var r = await client.PostAsync("/Assess", new FormUrlEncodedContent(fields));
        var page = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()); // Razor writes CJK as character references
        Assert.True(r.StatusCode == HttpStatusCode.OK, page);
        Assert.Contains("data-testid=\"assess-conclusion\">需要算法备案", page);
        Assert.Contains("生成合成类", page);
        Assert.Contains("服务提供者", page);
        Assert.Contains("〔《", page); // every conclusion cites its article
        Assert.Contains("data-testid=\"assess-security\"", page);
        Assert.Contains("data-testid=\"drafts-hint\"", page); // anonymous: no draft button
        Assert.DoesNotContain("data-testid=\"create-drafts\"", page);

        // Without the antiforgery token the form is refused.
        var forged = await client.PostAsync("/Assess", new FormUrlEncodedContent(fields.Skip(1)));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
