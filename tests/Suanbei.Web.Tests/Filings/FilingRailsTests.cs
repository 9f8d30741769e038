using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Checks;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings.Checks;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>
/// The filing journey's rails: steps say what is missing, submission is refused while 备案预审 blocks (page and API),
/// irreversible actions need their confirmation, returned filings are badged with reasons beside their fields, every
/// finding links to the page that edits its field, and the self-assessment report concludes only from what was entered.
/// </summary>
public abstract class FilingRailsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task Submit_answers_422_with_the_findings_while_a_blocking_finding_stands_and_passes_once_fixed()
    {
        var filer = await ApprovedFilerAsync(app, accessPath: false);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "预审拦截算法");

        var refused = await api.PostAsync($"/api/v1/filings/{id}/submit", null);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("备案预审存在阻断项", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("blocking").GetInt32() >= 1);
        var finding = Assert.Single(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "access-path.incomplete");
        Assert.Equal("阻断", finding.GetProperty("severity").GetString());
        Assert.Equal("products[0].accessPath", finding.GetProperty("field").GetString());
        Assert.Equal("产品「测试写作」的功能访问路径", finding.GetProperty("label").GetString());
        Assert.Equal("Draft", (await Ok(await api.GetAsync($"/api/v1/filings/{id}"))).GetProperty("status").GetString());

        // The page refuses too and shows the check beside a disabled button.
        var web = await app.SignInAsync(filer.User.Email!);
        var confirm = await Html(await web.GetAsync($"/Filings/{id}/Confirm"));
        Assert.Contains("data-testid=\"confirm-check\"", confirm);
        Assert.Contains("data-testid=\"submit-blocked\"", confirm);
        var posted = await web.PostFormAsync($"/Filings/{id}/Confirm", new());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("备案预审存在阻断项", await Html(posted));
        Assert.Equal(FilingStatus.Draft, (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).Status);

        // Fixed on the product page, the same filing submits.
        var product = await Ok(await api.GetAsync($"/api/v1/products/{filer.ProductId}"));
        var details = System.Text.Json.Nodes.JsonNode.Parse(product.GetProperty("details").GetRawText())!;
        details["accessPath"] = new System.Text.Json.Nodes.JsonArray("打开测试写作APP", "点击“智能写作”");
        await Ok(await api.PutAsJsonAsync($"/api/v1/products/{filer.ProductId}", details, Json));
        Assert.Equal("Submitted", (await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_step_keeps_what_was_entered_and_marks_what_it_still_misses_beside_each_field()
    {
        var filer = await ApprovedFilerAsync(app);
        var web = await app.SignInAsync(filer.User.Email!);
        var created = await web.PostFormAsync("/Filings", new(), url: "/Filings?handler=Create");
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[2]);

        var saved = await web.PostMultipartAsync($"/Filings/{id}/Basic", new() { ["Input.Name"] = "只填了名称的算法" }, []);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode); // stays on step ①
        var page = await Html(saved);
        Assert.Contains("data-testid=\"step-notice\"", page);
        Assert.Contains("本步还有 7 项未完成", page);
        Assert.Matches("data-valmsg-for=\"Input.Type\">请选择「算法类型」。", page);
        Assert.Matches("data-valmsg-for=\"Input.MainPurpose\">请填写「主要用途」。", page);
        Assert.DoesNotContain("data-valmsg-for=\"Input.Name\">请", page);
        Assert.Matches(
            "data-testid=\"step-1\"[^>]*>\\s*<span class=\"step-title\">① 基本属性</span>\\s*<span class=\"step-state\" " +
            "data-testid=\"step-1-state\">缺 7 项</span>", page);
        Assert.Equal("只填了名称的算法", (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).Name);
    }

    [Fact]
    public async Task A_function_ticked_without_its_product_is_refused_on_step_three_and_nothing_is_lost()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "漏勾产品算法");
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/products", new { products = Array.Empty<object>() }, Json));
        var web = await app.SignInAsync(filer.User.Email!);
        var r = await web.PostFormAsync($"/Filings/{id}/Products", new() { ["FunctionIds"] = filer.FunctionId.ToString() });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await Html(r);
        Assert.Contains("选择了功能「智能写作」，但它所属的产品「测试写作」没有关联", page);
        Assert.Matches($"id=\"function-{filer.FunctionId}\"[^>]*checked", page); // the tick stays for correcting
        Assert.Empty((await app.WithDb(db => db.Set<AlgorithmFiling>().Include(f => f.LinkedProducts).SingleAsync(f => f.Id == id)))
            .LinkedProducts);
    }

    [Fact]
    public async Task Irreversible_actions_need_the_confirmation_box_ticked()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewerUser = await app.CreateUserAsync(Roles.Reviewer);
        var reviewerApi = await app.ApiClientAsync(reviewerUser);
        var id = await CompleteFilingViaApiAsync(api, filer, "确认发布算法");
        await ToSecondReviewAsync(app, api, reviewerApi, id);
        var reviewer = await app.SignInAsync(reviewerUser.Email!);

        var page = await Html(await reviewer.GetAsync($"/Review/Filings/{id}"));
        Assert.Contains("签发备案编号并开始公示：编号一经签发不再收回", page);
        var unticked = await reviewer.PostFormAsync($"/Review/Filings/{id}", new() { ["action"] = "Publish" });
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("请先勾选“我已确认签发备案编号并公示”", await Html(unticked));
        Assert.Equal(FilingStatus.SecondReview, (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).Status);
        var refuse = await reviewer.PostFormAsync($"/Review/Filings/{id}", new() { ["action"] = "Refuse", ["Reason"] = "材料不实" });
        Assert.Contains("请先勾选“我已确认不予备案”", await Html(refuse));
        Assert.Contains("材料不实", await Html(refuse)); // the reason typed is kept
        var ticked = await reviewer.PostFormAsync($"/Review/Filings/{id}", new() { ["action"] = "Publish", ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(FilingStatus.Publicity, (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).Status);

        var web = await app.SignInAsync(filer.User.Email!);
        var cancel = await web.PostFormAsync($"/Filings/{id}", new() { ["EventDate"] = "2026-11-20" },
            url: $"/Filings/{id}?handler=Cancel");
        Assert.Contains("请先勾选“我已确认注销本备案”", await Html(cancel));
        Assert.Equal(FilingStatus.Publicity, (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).Status);
        var overview = await Html(await web.GetAsync($"/Filings/{id}"));
        Assert.Contains("data-testid=\"footer-snippet\"", overview);
        var number = (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).FilingNumber!;
        Assert.Contains($">http://127.0.0.1", overview);
        Assert.Contains($"/public/{number}</a>", overview); // shown decoded, linked encoded

        await web.PostFormAsync($"/Filings/{id}", new() { ["EventDate"] = "2026-11-20", ["Confirmed"] = "true" },
            url: $"/Filings/{id}?handler=Cancel");
        Assert.Equal(FilingStatus.Cancelled, (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id))).Status);
        overview = await Html(await web.GetAsync($"/Filings/{id}"));
        Assert.DoesNotContain("footer-snippet", overview);
        Assert.DoesNotContain("显著位置标明备案编号", overview);
        Assert.Contains("data-testid=\"cancelled-display\"", overview);
    }

    [Fact]
    public async Task A_returned_filing_is_badged_and_each_reason_sits_beside_its_field()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "被退回的算法");
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        var reviewerApi = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        await Ok(await reviewerApi.PostAsJsonAsync($"/api/v1/review/filings/{id}/return",
            new { reasons = new[] { new { field = "scenarios", reason = "场景写得太笼统" }, new { field = "name", reason = "名称与产品不符" } } }, Json));

        var web = await app.SignInAsync(filer.User.Email!);
        var list = await Html(await web.GetAsync("/Filings"));
        Assert.Matches("data-testid=\"filing-status\">已退回</span>", list);
        Assert.Contains("已退回", await Html(await web.GetAsync($"/Filings/{id}")));
        var details = await Html(await web.GetAsync($"/Filings/{id}/Details"));
        Assert.Matches(
            "id=\"Input_Scenarios\"[^>]*>[^<]*</textarea><span[^>]*></span>\\s*<span class=\"return-reason\" " +
            "data-testid=\"return-reason\" data-field=\"Scenarios\">审核退回：场景写得太笼统</span>", details);
        var basic = await Html(await web.GetAsync($"/Filings/{id}/Basic"));
        Assert.Contains("data-field=\"Name\">审核退回：名称与产品不符", basic);
        Assert.DoesNotContain("data-field=\"Scenarios\">审核退回", basic);
        Assert.True((await Ok(await api.GetAsync($"/api/v1/filings/{id}"))).GetProperty("isReturned").GetBoolean());
    }

    [Fact]
    public async Task Every_rule_links_to_the_page_and_element_where_its_field_is_edited()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "链接核对算法");
        var web = await app.SignInAsync(filer.User.Email!);
        var snapshot = await app.WithDb(async db => await FilingSnapshots.BuildWithProductIdsAsync(db,
            await db.Set<AlgorithmFiling>().Include(f => f.LinkedProducts).SingleAsync(f => f.Id == id)));
        foreach (var rule in PresubmissionRules.Current.Rules)
        {
            var paths = rule.Field == "{field}"
                ? PresubmissionCheck.NarrativeFields(snapshot.Snapshot.Filing).Select(x => x.Field).ToList()
                : [rule.Field.Replace("[]", "[0]")];
            foreach (var path in paths)
            {
                var target = CheckFieldLabels.Resolve(path, snapshot.Snapshot)!;
                var href = CheckFieldLinks.Href(target, id, snapshot.ProductIds);
                var (url, anchor) = (href.Split('#')[0], href.Split('#')[1]);
                var expected = target.Owner switch
                {
                    CheckFieldOwner.Filing => $"/filings/{id}/{FilingFields.StepOf(target.FormField).ToString().ToLowerInvariant()}",
                    CheckFieldOwner.Product => $"/products/edit?id={filer.ProductId}",
                    _ => "/subjects",
                };
                Assert.True(expected == url, $"{rule.Id} {path}: {href}");
                var page = await Html(await web.GetAsync(url));
                // The subject of this filer is approved: its page shows the facts (labels) rather than inputs.
                if (target.Owner == CheckFieldOwner.Subject) Assert.Contains(
                    Suanbei.Core.Subjects.SubjectValidation.Labels[target.FormField], page);
                else Assert.True(page.Contains($"id=\"{anchor}\""), $"{rule.Id} {path}: no element #{anchor} on {url}");
            }
        }
    }

    [Fact]
    public async Task The_self_assessment_report_lists_each_item_once_and_concludes_only_from_what_was_entered()
    {
        var filer = await ApprovedFilerAsync(app, documentFacts: true);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "自评估核对算法");
        var d = JsonSerializer.SerializeToNode(Details(filer), Json)!;
        d["details"]!["regulatorCooperation"] = null;
        d["details"]!["logRetentionMonths"] = 3;
        d["details"]!["risksAndSafeguards"] = "生成不实信息：关键词过滤与人工抽检\n侵犯著作权";
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/details", d, Json));

        var bytes = await (await api.GetAsync($"/api/v1/filings/{id}/documents/self-assessment")).Content.ReadAsByteArrayAsync();
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        foreach (var item in new[] { "（一）安全管理负责人", "（二）用户真实身份核验", "（三）日志信息留存", "（四）对账号名称", "（五）个人信息保护", "（六）投诉、举报渠道", "（七）为网信部门" })
            Assert.Equal(1, CountOf(text, item));
        Assert.DoesNotContain("已落实，持续改进", text);
        Assert.DoesNotContain("见上文", text);
        var rows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var six = Assert.Single(rows, r => r[0].StartsWith("（六）"));
        Assert.Equal("应用内“设置—投诉举报”入口，48小时内处理反馈", six[1]);
        var seven = Assert.Single(rows, r => r[0].StartsWith("（七）"));
        Assert.Equal("未填写", seven[1]);
        Assert.StartsWith("未填写，无法评估", seven[2]);
        Assert.StartsWith("不符合", Assert.Single(rows, r => r[0].StartsWith("（三）"))[2]);
        // The fixture's product does not verify real names: that is a finding of its own, not a pass.
        Assert.Contains("未实行用户真实身份核验", Assert.Single(rows, r => r[0].StartsWith("（二）"))[2]);
        Assert.Contains(rows, r => r.SequenceEqual(["1", "生成不实信息", "关键词过滤与人工抽检"]));
        Assert.Contains(rows, r => r.SequenceEqual(["2", "侵犯著作权", "（未写明对应的防范机制）"]));
        Assert.Contains("4 项已说明落实情况，1 项未填写，2 项不符合", text);
        Assert.Contains("风险表中有 1 项风险未写明对应的防范机制", text);
        Assert.Contains("不能作为“已落实”的评估结论", text);
    }

    private static int CountOf(string text, string s)
    {
        var n = 0;
        for (var i = text.IndexOf(s, StringComparison.Ordinal); i >= 0; i = text.IndexOf(s, i + s.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}

public sealed class FilingRailsTestsSqlite(SqliteApp app) : FilingRailsTests<SqliteApp>(app);
public sealed class FilingRailsTestsPostgres(PostgresApp app) : FilingRailsTests<PostgresApp>(app);
