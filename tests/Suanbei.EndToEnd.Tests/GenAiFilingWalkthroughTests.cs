using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// Generative-AI services through the real UI: a company files (备案) its own model in four steps with the five materials,
/// the provincial office and then the national review pass it and the number is issued under the reviewer's romanised
/// name; then it registers (登记) an application calling a filed model, which the province decides alone. The approved
/// subject and its product are set up directly: the subject flow has its own walk-through.
/// </summary>
public partial class GenAiFilingWalkthroughTests(Browser browser, WebApp app) : IClassFixture<Browser>, IClassFixture<WebApp>
{
    private const string Password = "walkthrough1";
    private const string Company = "北京星河智能科技有限公司";
    private const float ActionTimeout = 30_000, NavigationTimeout = 60_000;

    [GeneratedRegex(@"/genai-filings/([0-9a-f-]{36})/edit/1$")]
    private static partial Regex FirstStepUrl();

    [Fact]
    public async Task A_filing_passes_both_review_levels_and_a_registration_is_decided_by_the_province()
    {
        var reviewer = await app.CreateUserAsync(Roles.Reviewer, Password);
        var filer = await app.CreateUserAsync(Roles.Filer, Password);
        await ApprovedSubjectWithProductAsync(filer);
        var today = ChinaTime.Date(DateTimeOffset.UtcNow).ToString("yyyyMMdd");

        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl);
        await SignInAsync(page, filer);

        // ---- 备案: own model. Saving an empty first step marks what is missing next to the fields.
        var filingId = await NewDraftAsync(page);
        await page.ClickAsync("[data-testid=genai-save]");
        await page.WaitForSelectorAsync("[data-testid=step-notice]");
        Assert.Equal("请填写「模型名称」。", await TextAsync(page, ".field-validation-error[data-valmsg-for='ModelName']"));
        await FillModelStepAsync(page, "星河大模型", "source-Own");
        await FillCorpusAndServiceAsync(page, filingId);
        await UploadMaterialsAsync(page, filingId);
        Assert.StartsWith("备案", await TextAsync(page, "[data-testid=genai-kind]"));
        await ScreenshotAsync(page, "1-filing-overview.png");
        await page.ClickAsync("[data-testid=genai-submit]");
        await page.WaitForSelectorAsync("[data-testid=genai-status]:text-is('已提交')");
        await SignOutAsync(page);

        // ---- The reviewer: 属地初审 queue for 北京市, then the national review, then the number.
        await SignInAsync(page, reviewer);
        await page.GotoAsync($"{app.BaseUrl}/review/genai-filings?Level=Provincial&Province=北京市");
        await page.ClickAsync($"[data-testid=genai-review-row][data-id='{filingId}'] [data-testid=genai-review-open]");
        await ReviewAsync(page, "genai-start-provincial", "属地初审");
        await ReviewAsync(page, "genai-pass-provincial", "国家复审");
        await page.GotoAsync($"{app.BaseUrl}/review/genai-filings?Level=National");
        await page.ClickAsync($"[data-testid=genai-review-row][data-id='{filingId}'] [data-testid=genai-review-open]");
        Assert.Equal("XingHeDaMoXing", await page.InputValueAsync("#romanised-name")); // the pinyin default, editable
        await page.FillAsync("#romanised-name", "XingHe");
        await ScreenshotAsync(page, "2-national-review.png");
        await ReviewAsync(page, "genai-approve", "已备案");
        Assert.Matches($@"^Beijing-XingHe-{today}\d{{4}}$", await TextAsync(page, "[data-testid=genai-number]"));
        await SignOutAsync(page);

        // ---- 登记: an application calling a filed model; the province decides alone.
        await SignInAsync(page, filer);
        var registrationId = await NewDraftAsync(page);
        await FillModelStepAsync(page, "星河写作", "source-CallsFiledModel", "Beijing-WenXinYiYan-20230821");
        await FillCorpusAndServiceAsync(page, registrationId);
        await UploadMaterialsAsync(page, registrationId);
        await page.ClickAsync("[data-testid=genai-submit]");
        await page.WaitForSelectorAsync("[data-testid=genai-status]:text-is('已提交')");
        await SignOutAsync(page);
        await SignInAsync(page, reviewer);
        await page.GotoAsync($"{app.BaseUrl}/review/genai-filings/{registrationId}");
        await ReviewAsync(page, "genai-start-provincial", "属地初审");
        Assert.Equal(0, await page.Locator("[data-testid=genai-pass-provincial]").CountAsync());
        await page.FillAsync("#romanised-name", "XingHeXieZuo");
        await ReviewAsync(page, "genai-approve", "已登记");
        Assert.Equal($"Beijing-XingHeXieZuo-{today}S0001", await TextAsync(page, "[data-testid=genai-number]"));
        await ScreenshotAsync(page, "3-registration-approved.png");
    }

    private async Task<string> NewDraftAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=nav-genai-filings]");
        await page.ClickAsync("[data-testid=genai-new]");
        await page.WaitForURLAsync(FirstStepUrl());
        return FirstStepUrl().Match(page.Url).Groups[1].Value;
    }

    private static async Task FillModelStepAsync(IPage page, string name, string source, string? filedNumber = null)
    {
        await page.FillAsync("#Input_ModelName", name);
        await page.FillAsync("#Input_ModelVersion", "V1.0");
        await page.CheckAsync("#fn-Dialogue");
        await page.CheckAsync("#fn-TextGeneration");
        await page.SelectOptionAsync("#Input_DomainScope", "General");
        await page.CheckAsync("#" + source);
        if (filedNumber is not null)
        {
            await page.FillAsync("#Input_FiledModelName", "文心一言");
            await page.FillAsync("#Input_FiledModelNumber", filedNumber);
        }
        await page.ClickAsync("[data-testid=genai-save]");
        await page.WaitForURLAsync("**/edit/2");
    }

    private static async Task FillCorpusAndServiceAsync(IPage page, string id)
    {
        await page.FillAsync("#Input_CorpusScale", "约 2 TB（1.2 万亿 token）");
        await page.FillAsync("#corpus-source-0", "公开网络数据");
        await page.FillAsync("#corpus-share-0", "70");
        await page.FillAsync("#corpus-source-1", "自有数据");
        await page.FillAsync("#corpus-share-1", "30");
        await page.FillAsync("#Input_CorpusLanguages", "中文、英文");
        await page.FillAsync("#Input_Annotation", "自有标注团队按《语料标注规则》标注 20 万条，抽检合格率 98%。");
        await page.FillAsync("#Input_InferenceCompute", "推理集群 64 卡");
        await page.ClickAsync("[data-testid=genai-save]");
        await page.WaitForURLAsync($"**/genai-filings/{id}/edit/3");
        await page.CheckAsync("#form-App");
        await page.SelectOptionAsync("#Input_Audience", "Both");
        await page.FillAsync("#Input_UserScale", "预计月活 50 万");
        await page.CheckAsync("[data-testid=genai-product]");
        await page.ClickAsync("[data-testid=genai-save]");
        await page.WaitForURLAsync($"**/genai-filings/{id}/edit/4");
    }

    private static async Task UploadMaterialsAsync(IPage page, string id)
    {
        foreach (var key in new[]
                 { "SelfAssessmentReport", "ServiceAgreement", "AnnotationRules", "KeywordBlockList", "EvaluationTestSet" })
            await page.SetInputFilesAsync("#material-" + key, TestFiles.Pdf(key + ".pdf", key));
        await page.ClickAsync("[data-testid=genai-save]");
        await page.WaitForURLAsync($"**/genai-filings/{id}");
        await page.WaitForSelectorAsync("[data-testid=genai-submit]:enabled");
    }

    /// <summary>The subject approved by a reviewer and one product: state this walk-through starts from.</summary>
    private async Task ApprovedSubjectWithProductAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SuanbeiDbContext>();
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException();
        var now = DateTimeOffset.UtcNow;
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        var m = (await sp.GetRequiredService<MaterialStore>().SaveAsync(db, user.Id, "scan.pdf", new MemoryStream(pdf), now)).Id;
        var subject = new Subject(Guid.NewGuid(), user.Id, now);
        subject.Update(new SubjectDetails
        {
            Name = Company, CreditCode = TestFiles.CreditCode(), RegionCode = "110108", Address = "北京市海淀区中关村大街1号",
            Website = "https://xinghe.example.cn", MonthlyActiveUsers = 1000, CertificateType = "营业执照",
            CertificateAddress = "北京市海淀区", CertificateValidity = "长期", LegalRepName = "张三", LegalRepIdType = "居民身份证",
            LegalRepIdNumber = "11010519491231002X", OfficerName = "李四", OfficerIdType = "居民身份证",
            OfficerIdNumber = "11010519491231002X", OfficerMobile = "13800138000", OfficerEmail = "officer@example.cn",
            BusinessLicenceScanId = m, LegalRepIdScanId = m, OfficerIdScanId = m, OfficerEmploymentProofId = m,
            OfficerCommitmentId = m, FilingCommitmentId = m, ResponsibilityReportId = m,
        }, now);
        subject.Submit(user.Id, now);
        subject.Approve("reviewer-fixture", now);
        db.Add(subject);
        db.Add(new Product(Guid.NewGuid(), subject.Id, user.Id, new ProductDetails
        {
            Name = "星河助手", Form = ProductForm.App, AccessAddress = "https://xinghe.example.cn/app", IcpNumber = "京ICP备12345678号-1",
        }, now));
        await db.SaveChangesAsync();
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser.Chromium.NewContextAsync(
            new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        return context;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.ClickAsync("[data-testid=nav-login]");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]", new() { Timeout = 120_000 });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForSelectorAsync("[data-testid=nav-login]");
    }

    /// <summary>Clicks a review action and waits until the page shows the new status (the action redirects back).</summary>
    private static async Task ReviewAsync(IPage page, string action, string expectedStatus)
    {
        await page.ClickAsync($"[data-testid={action}]");
        await page.WaitForSelectorAsync($"[data-testid=genai-status]:text-is('{expectedStatus}')");
    }

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.TextContentAsync(selector) ?? "").Trim();

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Browser.ArtifactsDirectory, "genai-filing-" + name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
    }
}
