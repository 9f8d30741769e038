using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>The walk-through the browser test does, at HTTP level: the four steps, submission, both reviews, publication, public
/// page.</summary>
public abstract partial class FilingPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [GeneratedRegex("/filings/([0-9a-f-]{36})/basic")]
    private static partial Regex BasicUrl();

    [Fact]
    public async Task A_filer_files_an_algorithm_in_four_steps_and_a_reviewer_publishes_it()
    {
        var filer = await ApprovedFilerAsync(app, "110108", "北京页面测试有限公司");
        var browser = await app.SignInAsync(filer.User.Email!);

        var list = await browser.GetStringAsync("/Filings");
        Assert.Contains("data-testid=\"filing-new\"", list);
        var created = await browser.PostFormAsync("/Filings", new(), url: "/Filings?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(BasicUrl().Match(created.Headers.Location!.ToString()).Groups[1].Value);

        // ① basic attributes with both uploads
        var basic = await browser.PostMultipartAsync($"/Filings/{id}/Basic", new()
        {
            ["Input.Name"] = "页面文本生成算法", ["Input.Type"] = "GenerationSynthesis", ["Input.Domain"] = "智能写作",
            ["Input.LaunchDate"] = "2026-10-01", ["Input.Role"] = "ServiceProvider", ["Input.MainPurpose"] = "应用于智能写作场景，生成文章。",
        }, [("Input.SelfAssessmentReport", "自评估报告.pdf", Pdf), ("Input.DisclosureDocument", "拟公示内容.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, basic.StatusCode);
        Assert.Equal($"/filings/{id}/details", basic.Headers.Location!.ToString());

        // A disguised file is refused with a message naming it, and nothing is lost.
        var bad = await browser.PostMultipartAsync($"/Filings/{id}/Basic", new() { ["Input.Name"] = "页面文本生成算法" },
            [("Input.SelfAssessmentReport", "假的.pdf", "not a pdf at all"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("假的.pdf", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        // ② detailed attributes, labeling with an example image, content management, the four published parts
        var details = await browser.PostMultipartAsync($"/Filings/{id}/Details", new()
        {
            ["Input.Summary"] = "基于大模型的文本生成。", ["Input.Scenarios"] = "写作页面生成文章草稿。",
            ["Input.InputModalities"] = "Text", ["Input.OutputModalities"] = "Text", ["Input.DataSources"] = "公开语料",
            ["Input.UsesBiometricData"] = "false", ["Input.UsesIdentityData"] = "false", ["Input.ModelAndTrainingData"] = "自研模型",
            ["Input.Strategy"] = "检索增强", ["Input.RisksAndSafeguards"] = "过滤与复核", ["Input.ModerationFlow"] = "机器过滤后人工审核",
            ["Input.LogRetentionMonths"] = "6", ["Input.DisclosurePrinciple"] = "页面原理", ["Input.DisclosureMechanism"] = "页面机制",
            ["Input.DisclosureScenarios"] = "页面场景", ["Input.DisclosurePurpose"] = "页面目的",
            ["Input.ComplaintChannels"] = "应用内投诉举报入口", ["Input.RegulatorCooperation"] = "专人对接监管部门",
            ["Input.Labels[0].Explicit"] = "文末“AI生成”", ["Input.Labels[0].Implicit"] = "元数据AIGC",
        }, [("Input.Labels[0].Example", "示例.png", Png)]);
        Assert.Equal(HttpStatusCode.Redirect, details.StatusCode);

        // ③ link the product and its function
        var products = await browser.PostFormAsync($"/Filings/{id}/Products", new()
        {
            ["ProductIds"] = filer.ProductId.ToString(), ["FunctionIds"] = filer.FunctionId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, products.StatusCode);

        // ④ confirm and submit
        var confirm = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{id}/Confirm"));
        Assert.DoesNotContain("data-testid=\"missing-fields\"", confirm);
        Assert.Contains("测试写作（APP）", confirm);
        var submitted = await browser.PostFormAsync($"/Filings/{id}/Confirm", new());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var overview = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{id}"));
        Assert.Contains("已提交", overview);
        Assert.Contains(Suanbei.Core.Calendar.WorkingCalendar.Official.Covers(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)))
            ? "已用 0 / 30 个工作日" : "无官方日历", overview);

        // Reviewer console: queue, first review, second review, publication.
        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        var queue = WebUtility.HtmlDecode(await reviewer.GetStringAsync("/Review/Filings"));
        Assert.Contains("页面文本生成算法", queue);
        Assert.Contains("北京页面测试有限公司", queue);
        // 二审 is decided by another reviewer than the one who passed 一审 (separation of duties).
        var (_, second) = await app.SignedInAsync(Roles.Reviewer);
        foreach (var (action, testid, who) in new[] { ("StartFirstReview", "review-start-first", reviewer),
            ("PassFirstReview", "review-pass-first", reviewer), ("Publish", "review-publish", second) })
        {
            var page = await who.GetStringAsync($"/Review/Filings/{id}");
            Assert.Contains($"data-testid=\"{testid}\"", page);
            if (action == "Publish")
            {
                var refused = await reviewer.PostFormAsync($"/Review/Filings/{id}", new() { ["action"] = action, ["Confirmed"] = "true" });
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains("一审与二审须由不同审核员完成", await refused.Content.ReadAsStringAsync());
            }
            // Publishing is irreversible: the form's confirmation box must be ticked.
            var r = await who.PostFormAsync($"/Review/Filings/{id}", new() { ["action"] = action, ["Confirmed"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var filing = await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == id));
        Assert.Equal(FilingStatus.Publicity, filing.Status);
        Assert.True(FilingNumber.Decode(filing.FilingNumber).Valid);

        // The filer sees the number, the public link and the footer snippet; the public page needs no login.
        overview = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{id}"));
        Assert.Contains(filing.FilingNumber!, overview);
        Assert.Contains("data-testid=\"footer-snippet\"", overview);
        var publicPage = WebUtility.HtmlDecode(await app.Client().GetStringAsync("/public/" + Uri.EscapeDataString(filing.FilingNumber!)));
        Assert.Contains(filing.FilingNumber!, publicPage);
        Assert.Contains("北京页面测试有限公司", publicPage);
        Assert.Contains("测试写作（APP）", publicPage);
        Assert.Contains("页面原理", publicPage);
        Assert.Contains("公示中", publicPage);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/public/网信算备110108000000001260019号")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_returns_a_filing_with_per_field_reasons_shown_to_the_filer()
    {
        var filer = await ApprovedFilerAsync(app);
        var id = await CompleteFilingViaApiAsync(await app.ApiClientAsync(filer.User), filer, "待退回算法");
        await Ok(await (await app.ApiClientAsync(filer.User)).PostAsync($"/api/v1/filings/{id}/submit", null));
        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        var r = await reviewer.PostFormAsync($"/Review/Filings/{id}", new()
        {
            ["action"] = "Return", ["ReturnFields[0]"] = "Scenarios", ["ReturnReasons[0]"] = "场景写得太笼统", ["ReturnFields[1]"] = "",
            ["ReturnReasons[1]"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var browser = await app.SignInAsync(filer.User.Email!);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{id}/Basic"));
        Assert.Contains("data-testid=\"return-reasons\"", page);
        Assert.Contains("使用场景：场景写得太笼统", page);
    }

    [Fact]
    public async Task The_reviewer_sees_the_chosen_functions_and_the_icp_facts_of_each_linked_product()
    {
        var filer = await ApprovedFilerAsync(app, "110108", "北京功能展示有限公司");
        // A second function that the filing does not choose, and the ICP licence facts of the product.
        await app.WithDb(async db =>
        {
            var product = await db.Set<Suanbei.Core.Products.Product>().Include(p => p.Functions).Include(p => p.AccessPath)
                .SingleAsync(p => p.Id == filer.ProductId);
            product.Update(new Suanbei.Core.Products.ProductDetails
            {
                Name = "测试写作", Form = Suanbei.Core.Products.ProductForm.App, AccessAddress = "https://example.cn/app",
                IcpNumber = "京ICP证080047号", IcpHolder = "北京功能展示有限公司", IcpExpiresOn = new DateOnly(2029, 6, 30),
                IcpBusinessScope = "信息服务业务（仅限互联网信息服务）",
                AccessPath = ["打开测试写作APP", "点击“智能写作”"], // 备案预审 blocks submission without one
            }, DateTimeOffset.UtcNow);
            product.AddFunction("未选的翻译功能", "把中文翻译成英文", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "功能展示算法");
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));

        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        var page = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/Review/Filings/{id}"));
        var summary = page[page.IndexOf("data-testid=\"summary-products\"", StringComparison.Ordinal)..];
        Assert.Contains("测试写作（APP）", summary);
        Assert.Contains("<span data-testid=\"summary-function-name\">智能写作</span>：根据用户输入生成文章", summary);
        Assert.DoesNotContain("未选的翻译功能", page);
        Assert.Contains("京ICP证080047号", summary);
        Assert.Contains("主办单位 北京功能展示有限公司", summary);
        Assert.Contains("有效期至 2029-06-30", summary);
        Assert.Contains("经营范围 信息服务业务（仅限互联网信息服务）", summary);

        // The filer's own overview shows the same; a chosen function deleted later is reported, not silently dropped.
        await app.WithDb(async db =>
        {
            var product = await db.Set<Suanbei.Core.Products.Product>().Include(p => p.Functions).SingleAsync(p => p.Id == filer.ProductId);
            product.RemoveFunction(filer.FunctionId, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var browser = await app.SignInAsync(filer.User.Email!);
        var overview = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{id}"));
        Assert.Contains("另有 1 项所选功能已从产品中删除", overview);
        Assert.DoesNotContain("智能写作</span>", overview);
    }

    [Fact]
    public async Task Without_an_approved_subject_the_filer_cannot_start_an_algorithm_filing()
    {
        var (user, browser) = await app.SignedInAsync(Roles.Filer);
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync("/Filings"));
        Assert.Contains("data-testid=\"subject-not-approved\"", list);
        Assert.DoesNotContain("data-testid=\"filing-new\"", list);
        var forced = await browser.PostFormAsync("/Filings", new(), url: "/Filings?handler=Create");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("主体备案通过审核后才能填报算法备案", WebUtility.HtmlDecode(await forced.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDb(db => db.Set<AlgorithmFiling>().CountAsync(f => f.OwnerUserId == user.Id)));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_filing_endpoints()
    {
        var doc = await app.Client().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/filings", "/api/v1/filings/{id}/submit", "/api/v1/review/filings/{id}/publish",
            "/api/v1/review/filings/{id}/return", "/api/v1/public/filings/{number}" })
            Assert.Contains($"\"{path}\"", doc);
    }

    [Fact]
    public async Task The_filer_sees_the_legal_deadline_starts_a_change_and_cancels_through_the_pages()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var filed = await CompleteFilingViaApiAsync(api, filer, "将变更的算法");
        var published = await CompleteFilingViaApiAsync(api, filer, "将注销的算法");
        foreach (var id in new[] { filed, published })
        {
            await ToSecondReviewAsync(app, api, reviewer, id);
            await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null));
        }
        await app.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AlgorithmFilings\" SET \"PublicityEndsOn\" = {new DateOnly(2026, 1, 5)} WHERE \"Id\" = {filed}"));
        await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{filed}/complete-publicity", null));
        var browser = await app.SignInAsync(filer.User.Email!);

        // Deadlines before anything is started: 2026-11-02 + 10 working days = 11-16; + 20 = 11-30.
        var preview = await browser.PostFormAsync($"/Filings/{filed}", new() { ["EventDate"] = "2026-11-02" },
            url: $"/Filings/{filed}?handler=Preview&kind=Change");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("应于 2026-11-16 前办理", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
        preview = await browser.PostFormAsync($"/Filings/{filed}", new() { ["EventDate"] = "2026-11-02" },
            url: $"/Filings/{filed}?handler=Preview&kind=Cancellation");
        Assert.Contains("应于 2026-11-30 前办理", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
        Assert.Equal(FilingStatus.Filed, (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == filed))).Status);

        var change = await browser.PostFormAsync($"/Filings/{filed}", new() { ["EventDate"] = "2026-11-20", ["Description"] = "更新应用产品" },
            url: $"/Filings/{filed}?handler=Change");
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var changeId = Guid.Parse(BasicUrl().Match(change.Headers.Location!.ToString()).Groups[1].Value);
        Assert.NotEqual(filed, changeId);
        var changeOverview = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{changeId}"));
        Assert.Contains("变更办理期限", changeOverview);
        Assert.Contains("2026-12-04", changeOverview); // 2026-11-20 + 10 working days
        var oldOverview = await browser.GetStringAsync($"/Filings/{filed}");
        Assert.Contains("data-testid=\"change-open\"", oldOverview);
        Assert.DoesNotContain("data-testid=\"cancel-form\"", oldOverview);

        var cancel = await browser.PostFormAsync($"/Filings/{published}",
            new() { ["EventDate"] = "2026-11-20", ["Description"] = "产品下线", ["Confirmed"] = "true" },
            url: $"/Filings/{published}?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var number = (await app.WithDb(db => db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == published))).FilingNumber!;
        var publicPage = WebUtility.HtmlDecode(await app.Client().GetStringAsync("/public/" + Uri.EscapeDataString(number)));
        Assert.Contains("该算法备案已注销", publicPage);
        Assert.Contains(number, publicPage);
    }
}

public sealed class FilingPagesTestsSqlite(SqliteApp app) : FilingPagesTests<SqliteApp>(app);
public sealed class FilingPagesTestsPostgres(PostgresApp app) : FilingPagesTests<PostgresApp>(app);
