using System.Net;
using System.Text;
using Suanbei.Testing;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings.Assess;

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

        var bad = await api.PostAsync("/api/v1/assess", JsonBody(
            "{\"serviceName\":\"\",\"functions\":[{\"name\":\"x\"}],\"offersToEndUsers\":true}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("serviceName", problem);
        Assert.Contains("服务名称", problem);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().PostAsync("/api/v1/assess", JsonBody(Scenario("ai-writing-app"))))
            .StatusCode);
    }

    [Fact]
    public async Task Plan_creates_one_draft_per_planned_filing_for_an_approved_filer_only()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var plan = await Ok(await api.PostAsync("/api/v1/assess", JsonBody(Scenario("voice-cloning-tool"))));
        var planned = plan.GetProperty("filings").EnumerateArray().Select(f => f.GetProperty("algorithmName").GetString()).ToList();
        var created = await Ok(await api.PostAsync("/api/v1/assess/drafts", JsonBody(Scenario("voice-cloning-tool"))),
            HttpStatusCode.Created);
        Assert.Equal(planned.Count, created.GetArrayLength());
        var list = await Ok(await api.GetAsync("/api/v1/filings"));
        foreach (var name in planned) Assert.Contains(list.EnumerateArray(), f => f.GetProperty("name").GetString() == name
            && f.GetProperty("status").GetString() == "Draft");

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
            new("Input.Functions[0].Name", "一键换脸"), new("Input.Functions[0].Generates", "Image"),
                new("Input.Functions[0].Generates", "Video"),
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

    private static List<KeyValuePair<string, string>> FaceSwapAnswers(string token) =>
    [
        new("__RequestVerificationToken", token),
        new("Input.ServiceName", "换脸小程序"), new("Input.Audience", "Public"), new("Input.Forms", "小程序"),
        new("Input.OffersToEndUsers", "true"), new("Input.ProvidesApiToBusinesses", "false"), new("Input.LargeModel", "None"),
        new("Input.Functions[0].Name", "一键换脸"), new("Input.Functions[0].Generates", "Image"), new("Input.Functions[0].EditsFaces", "true"),
    ];

    private static async Task<string> PostAssessAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var r = await client.PostAsync("/Assess", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.True(r.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    [Fact]
    public async Task Wizard_shows_one_step_at_a_time_and_carries_the_answers_of_the_others()
    {
        var client = app.Client();
        var token = HttpForms.AntiforgeryToken(await client.GetStringAsync("/Assess"));
        var start = await client.GetStringAsync("/Assess");
        Assert.Contains("data-testid=\"service-name\"", start);
        Assert.DoesNotContain("data-testid=\"function-0-name\"", start);

        // Step 1 → 2 without a name: stays on step 1 with the message next to the field.
        var empty = await PostAssessAsync(client, [new("__RequestVerificationToken", token), new("Step", "1"), new("Go", "next")]);
        Assert.Contains("请填写服务名称", empty);
        Assert.Contains("data-testid=\"service-name\"", empty);

        // Step 1 → 2: the step-1 answers ride along as hidden fields; step 2's questions are shown.
        var second = await PostAssessAsync(client, [new("__RequestVerificationToken", token), new("Step", "1"), new("Go", "next"),
            new("Input.ServiceName", "换脸小程序"), new("Input.Audience", "Public"), new("Input.Forms", "小程序")]);
        Assert.Contains("data-testid=\"offers-to-end-users\"", second);
        Assert.DoesNotContain("data-testid=\"service-name\"", second);
        Assert.Contains("<input type=\"hidden\" name=\"Input.ServiceName\" value=\"换脸小程序\" />", second);
        Assert.Contains("<input type=\"hidden\" name=\"Input.Forms\" value=\"小程序\" />", second);
    }

    [Fact]
    public async Task Every_outcome_has_a_next_step()
    {
        // Anonymous: register or sign in.
        var anonymous = app.Client();
        var html = await PostAssessAsync(anonymous, FaceSwapAnswers(HttpForms.AntiforgeryToken(await anonymous.GetStringAsync("/Assess"))));
        Assert.Contains("data-testid=\"next-register\"", html);
        Assert.Contains("href=\"/account/register\"", html);
        Assert.Contains("data-testid=\"next-login\"", html);

        // A filer whose subject is not approved: the subject filing.
        var (_, unapproved) = await app.SignedInAsync(Roles.Filer);
        html = await PostAssessAsync(unapproved, FaceSwapAnswers(HttpForms.AntiforgeryToken(await unapproved.GetStringAsync("/Assess"))));
        Assert.Contains("data-testid=\"next-subject\"", html);
        Assert.DoesNotContain("data-testid=\"create-drafts\"", html);

        // An approved filer: create the drafts.
        var approved = await ApprovedFilerAsync(app);
        var web = await app.SignInAsync(approved.User.Email!);
        html = await PostAssessAsync(web, FaceSwapAnswers(HttpForms.AntiforgeryToken(await web.GetStringAsync("/Assess"))));
        Assert.Contains("data-testid=\"create-drafts\"", html);

        // No filing needed: keep the record — a dated text with the answers and the conclusion.
        var fields = FaceSwapAnswers(HttpForms.AntiforgeryToken(await anonymous.GetStringAsync("/Assess")))
            .Select(f => f.Key == "Input.Audience" ? new KeyValuePair<string, string>(f.Key, "Internal") : f)
            .Select(f => f.Key == "Input.OffersToEndUsers" ? new KeyValuePair<string, string>(f.Key, "false") : f).ToList();
        var raw = await (await anonymous.PostAsync("/Assess", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        html = WebUtility.HtmlDecode(raw);
        Assert.Contains("data-testid=\"assess-conclusion\">无需算法备案", html);
        var answersJson = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(raw, "name=\"AnswersJson\" value=\"([^\"]*)\"")
            .Groups[1].Value);
        Assert.NotEmpty(answersJson);
        var record = await anonymous.PostAsync("/Assess?handler=Record", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", HttpForms.AntiforgeryToken(raw)), new("AnswersJson", answersJson)]));
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Contains("备案判断记录", record.Content.Headers.ContentDisposition?.FileNameStar ?? "");
        var text = await record.Content.ReadAsStringAsync();
        Assert.Contains("结论：无需算法备案", text);
        Assert.Contains("换脸小程序", text);
        Assert.Contains("面向对象：仅企业内部使用", text);
        Assert.Contains($"判断时间：{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}", text);
    }
}
