using System.Net;
using System.Text.RegularExpressions;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings.Checks;

/// <summary>The compliance assistant's pages for a signed-in filer (cookie + antiforgery, like a browser).</summary>
public sealed class AssistantPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static async Task<string> Html(HttpResponseMessage r)
    {
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
        return body;
    }

    [Fact]
    public async Task Check_documents_and_deadlines_pages_serve_the_owner_only()
    {
        var filer = await ApprovedFilerAsync(app, accessPath: false);
        var id = await CompleteFilingViaApiAsync(await app.ApiClientAsync(filer.User), filer, "页面测试算法");
        var web = await app.SignInAsync(filer.User.Email!);

        var check = await Html(await web.GetAsync($"/Filings/{id}/Check"));
        Assert.Contains("data-rule=\"access-path.incomplete\"", check);
        Assert.Contains("阻断", check);
        Assert.Contains("备案预审", check);

        Assert.Contains("/filings/" + id + "/documents/package", await Html(await web.GetAsync($"/Filings/{id}/Documents")));
        var docx = await web.GetAsync($"/Filings/{id}/Documents/disclosure");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync())[..2]));

        var deadlines = await Html(await web.GetAsync("/Deadlines"));
        Assert.Contains("「页面测试算法」上线后备案", deadlines);
        Assert.Contains("2026-10-20", deadlines);
        Assert.Contains("已逾期", deadlines);
        var issued = await web.PostFormAsync("/Deadlines", new(), "/Deadlines?handler=Token");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var withUrl = await Html(await web.GetAsync("/Deadlines"));
        var url = Regex.Match(withUrl, "https?://[^<\\s]+/calendar/[A-Za-z0-9_-]{43}\\.ics").Value;
        Assert.NotEmpty(url);
        Assert.Contains("20261020", await app.Client().GetStringAsync(new Uri(url).PathAndQuery));

        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var otherWeb = await app.SignInAsync(other.User.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await otherWeb.GetAsync($"/Filings/{id}/Check")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherWeb.GetAsync($"/Filings/{id}/Documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherWeb.GetAsync($"/Filings/{id}/Documents/package")).StatusCode);
        Assert.DoesNotContain("页面测试算法", await Html(await otherWeb.GetAsync("/Deadlines")));
    }

    [Fact]
    public async Task Wizard_creates_draft_filings_for_a_signed_in_filer()
    {
        var filer = await ApprovedFilerAsync(app);
        var web = await app.SignInAsync(filer.User.Email!);
        var page = await web.GetStringAsync("/Assess");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HttpForms.AntiforgeryToken(page)),
            new("Input.ServiceName", "双身份写作服务"), new("Input.Audience", "Public"), new("Input.Forms", "APP"), new("Input.Forms", "API"),
            new("Input.OffersToEndUsers", "true"), new("Input.ProvidesApiToBusinesses", "true"), new("Input.LargeModel", "FiledModelApi"),
            new("Input.Functions[0].Name", "AI写作"), new("Input.Functions[0].Algorithm", "双身份写作算法"),
                new("Input.Functions[0].Generates", "Text"),
        };
        var result = await Html(await web.PostAsync("/Assess", new FormUrlEncodedContent(fields)));
        Assert.Contains("双重身份分别备案", result);
        var answers = Regex.Match(await (await web.PostAsync("/Assess", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync(),
            "name=\"AnswersJson\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(answers);
        var token = HttpForms.AntiforgeryToken(await web.GetStringAsync("/Assess"));
        var created = await web.PostAsync("/Assess?handler=Drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["AnswersJson"] = WebUtility.HtmlDecode(answers),
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var api = await app.ApiClientAsync(filer.User);
        var list = await Ok(await api.GetAsync("/api/v1/filings"));
        var roles = new List<string?>();
        foreach (var f in list.EnumerateArray().Where(f => f.GetProperty("name").GetString() == "双身份写作算法"))
            roles.Add((await Ok(await api.GetAsync($"/api/v1/filings/{f.GetProperty("id").GetGuid()}"))).GetProperty("role").GetString());
        Assert.Equal(2, roles.Count);
        Assert.Contains("ServiceProvider", roles);
        Assert.Contains("TechnicalSupporter", roles);
    }
}
