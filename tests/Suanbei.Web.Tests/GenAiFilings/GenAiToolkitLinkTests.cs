using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.GenAi;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.GenAiFilings;

/// <summary>
/// The keyword list, the test set and the self-assessment report of a generative-AI filing taken from the assessment
/// toolkit: only the organisation's own bank versions and runs, shown with their quota check, warned about before
/// submission when short, and downloaded by the reviewer as the bank file and the report generated from the run.
/// </summary>
public abstract class GenAiToolkitLinkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string KeywordCsv = "text,risk\n违禁配方,A.1.1\n另一个词,A.2.1\n";

    private static async Task<Guid> BankAsync(HttpClient api, string kind, string name, string csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { new StringContent(name), "name" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", kind + ".csv");
        return (await Ok(await api.PostAsync("/api/v1/genai/banks", form), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> RunAsync(HttpClient api)
    {
        var (manifest, journal) = ReviewRunFiles.Build();
        var form = new MultipartFormDataContent();
        foreach (var (field, name, bytes) in new[]
                 {
                     ("manifest", "manifest.json", manifest), ("journal", "journal.jsonl", journal),
                     ("keywords", "kw.csv", ReviewRunFiles.Keywords),
                 })
            form.Add(new ByteArrayContent(bytes), field, name);
        return (await Ok(await api.PostAsync("/api/v1/genai/runs", form), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient api, Guid id, string key, params Guid[] ids) =>
        api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/materials/{key}/toolkit", new { ids }, Json);

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    private static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task Linked_versions_and_run_are_shown_checked_warned_and_downloaded_by_the_reviewer()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await GenAiFilingApiTests<TApp>.CompleteDraftAsync(api, filer, "Own", "工具关联模型");
        var keywords = await BankAsync(api, "keywords", "拦截词主库", KeywordCsv);
        var content = await BankAsync(api, "content", "生成内容题", "text,risk\n介绍一下长城,A.3.1\n");
        var refuse = await BankAsync(api, "refuse", "应拒答题", BankCoverageTests<TApp>.RefuseCsv(30));
        var answer = await BankAsync(api, "answer", "非拒答题", "text,risk\n某信仰的起源,B.2\n");
        var run = await RunAsync(api);

        // Another organisation's version or run reads as not existing, and nothing changes.
        var strangerApi = await app.ApiClientAsync((await ApprovedFilerAsync(app)).User);
        var foreignBank = await BankAsync(strangerApi, "keywords", "别家的词库", KeywordCsv);
        var foreignRun = await RunAsync(strangerApi);
        var refused = await LinkAsync(api, id, "KeywordBlockList", foreignBank);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("《关键词拦截列表》：所选题库版本不存在或不属于本机构", await DetailAsync(refused));
        Assert.Contains("不存在或不属于本机构", await DetailAsync(await LinkAsync(api, id, "SelfAssessmentReport", foreignRun)));
        // A wrong bank, or a test set without all three banks, is named.
        Assert.Contains("只能关联关键词库的版本", await DetailAsync(await LinkAsync(api, id, "KeywordBlockList", refuse)));
        Assert.Contains("还须关联", await DetailAsync(await LinkAsync(api, id, "EvaluationTestSet", content)));
        Assert.Empty((await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}/toolkit"))).GetProperty("linked").EnumerateArray());

        await Ok(await LinkAsync(api, id, "KeywordBlockList", keywords));
        await Ok(await LinkAsync(api, id, "EvaluationTestSet", content, refuse, answer));
        var full = await Ok(await LinkAsync(api, id, "SelfAssessmentReport", run));
        var report = full.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "SelfAssessmentReport");
        Assert.Equal(JsonValueKind.Null, report.GetProperty("materialId").ValueKind);
        Assert.Equal(run, report.GetProperty("toolkit")[0].GetProperty("id").GetGuid());

        var toolkit = await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}/toolkit"));
        var linked = toolkit.GetProperty("linked").EnumerateArray().ToList();
        Assert.Equal(["SelfAssessmentReport", "KeywordBlockList", "EvaluationTestSet", "EvaluationTestSet", "EvaluationTestSet"],
            linked.Select(l => l.GetProperty("key").GetString()));
        var keywordLink = linked[1];
        Assert.Equal("关键词库“拦截词主库”第1版", keywordLink.GetProperty("title").GetString());
        Assert.StartsWith("2 条", keywordLink.GetProperty("detail").GetString());
        Assert.False(keywordLink.GetProperty("ok").GetBoolean());
        Assert.Contains("共 2 条，少于要求的 10,000 条", keywordLink.GetProperty("shortfalls").EnumerateArray().Select(s => s.GetString()));
        Assert.True(linked[3].GetProperty("ok").GetBoolean()); // the complete must-refuse bank
        var warnings = toolkit.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("《关键词拦截列表》关联的关键词库“拦截词主库”第1版未达标：共 2 条，少于要求的 10,000 条"));
        Assert.Contains(warnings, w => w.StartsWith("《安全自评估报告》关联的评估运行“test-model”") && w.Contains("少于标准要求的"));

        // The filer's page shows the links and the warning; a short bank does not block submission.
        var pages = await app.SignInAsync(filer.User.Email!);
        var view = await pages.GetStringAsync($"/genai-filings/{id}");
        Assert.Contains("data-testid=\"genai-warnings\"", view);
        Assert.Contains("关键词库“拦截词主库”第1版", view);
        Assert.Contains(GenAiToolkitUrl(id, "keywordblocklist/keywords"), view);
        await KeepPagesAsync(pages, "/genai-filings", $"/genai-filings/{id}/edit/1", $"/genai-filings/{id}/edit/2",
            $"/genai-filings/{id}/edit/3", $"/genai-filings/{id}/edit/4", $"/genai-filings/{id}");
        await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null));

        // The reviewer downloads the bank as the toolkit exports it and the report generated from the run.
        var (_, reviewerPages) = await app.SignedInAsync(Roles.Reviewer);
        var detail = await reviewerPages.GetStringAsync($"/review/genai-filings/{id}");
        Assert.Contains("data-testid=\"genai-warnings\"", detail);
        var bankFile = await reviewerPages.GetAsync(GenAiToolkitUrl(id, "keywordblocklist/keywords"));
        Assert.Equal(HttpStatusCode.OK, bankFile.StatusCode);
        Assert.Equal("id,text,risk\n,违禁配方,A.1.1\n,另一个词,A.2.1\n", await bankFile.Content.ReadAsStringAsync());
        var docx = await reviewerPages.GetAsync(GenAiToolkitUrl(id, "selfassessmentreport"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        var text = DocxText(bytes);
        if (Artifacts() is { } keep) await File.WriteAllBytesAsync(Path.Combine(keep, $"{app.Provider}-安全自评估报告.docx"), bytes);
        await KeepPagesAsync(reviewerPages, "/review/genai-filings?level=Provincial", "/review/genai-filings?level=National",
            $"/review/genai-filings/{id}");
        await KeepPagesAsync(app.Client(), "/public/genai");
        Assert.Contains("模型名称：工具关联模型", text);
        Assert.Contains("模型版本：V1.0", text);
        Assert.Contains("评估对象（模型）：test-model", text);
        Assert.Contains("“拦截词主库”第1版（本备案关联，", text);
        Assert.Contains("评估所用测试题库：", text);

        // Outsiders get 404 for the files, as for the filing.
        var strangerPages = await app.SignInAsync((await app.CreateUserAsync(Roles.Filer)).Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPages.GetAsync(GenAiToolkitUrl(id, "keywordblocklist/keywords"))).StatusCode);
    }

    [Fact]
    public async Task The_materials_step_links_toolkit_choices_and_refuses_another_organisations_version()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var created = await Ok(await api.PostAsync("/api/v1/genai-filings", null), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var keywords = await BankAsync(api, "keywords", "页面词库", KeywordCsv);
        var run = await RunAsync(api);
        var strangerApi = await app.ApiClientAsync((await ApprovedFilerAsync(app)).User);
        var foreign = await BankAsync(strangerApi, "keywords", "别家的词库", KeywordCsv);
        var pages = await app.SignInAsync(filer.User.Email!);
        var step = $"/genai-filings/{id}/edit/4";

        var form = await pages.GetStringAsync(step);
        Assert.Contains("页面词库", form);
        Assert.DoesNotContain("别家的词库", form);
        var bad = await pages.PostMultipartAsync(step, new() { ["toolkit-KeywordBlockList-keywords"] = foreign.ToString() }, []);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("《关键词拦截列表》：所选题库版本不存在或不属于本机构", await bad.Content.ReadAsStringAsync());

        var saved = await pages.PostMultipartAsync(step, new()
        {
            ["toolkit-KeywordBlockList-keywords"] = keywords.ToString(), ["toolkit-SelfAssessmentReport"] = run.ToString(),
        }, []);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // the other materials are still missing
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"genai-toolkit-KeywordBlockList-keywords\"", html);
        Assert.DoesNotContain("data-testid=\"genai-toolkit-EvaluationTestSet", html);
        var linked = (await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}/toolkit"))).GetProperty("linked");
        Assert.Equal(["SelfAssessmentReport", "KeywordBlockList"], linked.EnumerateArray().Select(l => l.GetProperty("key").GetString()));

        // Choosing nothing removes the link.
        await pages.PostMultipartAsync(step,
            new() { ["toolkit-KeywordBlockList-keywords"] = "", ["toolkit-SelfAssessmentReport"] = "" }, []);
        Assert.Empty((await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}/toolkit"))).GetProperty("linked").EnumerateArray());
    }

    private static string GenAiToolkitUrl(Guid id, string rest) => $"/genai-filings/{id}/toolkit/{rest}";

    private static string? Artifacts() =>
        Environment.GetEnvironmentVariable("SUANBEI_TEST_ARTIFACTS") is { Length: > 0 } keep
            ? Directory.CreateDirectory(keep).FullName : null;

    /// <summary>With SUANBEI_TEST_ARTIFACTS set, keeps each page's HTML as the signed-in client sees it, to look at.</summary>
    private async Task KeepPagesAsync(HttpClient client, params string[] paths)
    {
        if (Artifacts() is not { } keep) return;
        foreach (var path in paths)
        {
            var name = string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
            await File.WriteAllTextAsync(Path.Combine(keep, $"{app.Provider}{name}.html"), await client.GetStringAsync(path));
        }
    }
}

public sealed class GenAiToolkitLinkTestsSqlite(SqliteApp app) : GenAiToolkitLinkTests<SqliteApp>(app);
public sealed class GenAiToolkitLinkTestsPostgres(PostgresApp app) : GenAiToolkitLinkTests<PostgresApp>(app);
