using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// One complete filing through the real UI, like the people who do it: a company registers and files itself, a reviewer
/// approves it, the company adds its product and files an algorithm in four steps, the reviewer takes it through first
/// and second review to publication, and anyone can then read the public entry under the issued number.
/// Only the reviewer account is made directly (administrators create reviewers; that is not what this test is about).
/// </summary>
public partial class FilingWalkthroughTests(Browser browser, WebApp app) : IClassFixture<Browser>, IClassFixture<WebApp>
{
    private const string Password = "walkthrough1";
    private const string Company = "北京云雀智能科技有限公司";
    private const string ProductName = "云雀写作助手";
    private const string FunctionName = "智能续写";
    private const string AlgorithmName = "云雀文本生成算法";
    private const string Principle = "基于大语言模型，根据用户输入的提示词逐字预测并生成文本。";
    private const string Mechanism = "用户输入经安全过滤后送入模型，模型生成结果再经内容审核后返回，并添加显式和隐式标识。";
    private const string Scenarios = "应用于写作辅助场景，为用户续写、改写和润色文章。";
    private const string Purpose = "提升用户写作效率，提供安全、准确的文本生成服务。";

    // The machine running the tests is shared and slow; a person would wait too.
    private const float ActionTimeout = 30_000, NavigationTimeout = 60_000;

    [GeneratedRegex(@"/filings/([0-9a-f-]{36})/basic$")]
    private static partial Regex BasicStepUrl();

    [Fact]
    public async Task A_company_registers_files_its_subject_and_an_algorithm_and_gets_a_public_entry()
    {
        var reviewer = await app.CreateUserAsync(Roles.Reviewer, Password);
        var secondReviewer = await app.CreateUserAsync(Roles.Reviewer, Password); // 二审 by another reviewer
        var filer = $"filer-{Guid.NewGuid():N}"[..16] + "@example.cn";
        var creditCode = TestFiles.CreditCode();

        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();

        // ---- Registration: self-service, lands on the subject form.
        await RegisterAsync(page, filer);

        // ---- Subject filing with every field and the seven materials.
        await FillSubjectAsync(page, creditCode);
        await page.SetInputFilesAsync("#Upload_BusinessLicenceScanId", TestFiles.Pdf("营业执照.pdf", "licence"));
        await page.SetInputFilesAsync("#Upload_LegalRepIdScanId", TestFiles.Jpeg("法定代表人身份证.jpg"));
        await page.SetInputFilesAsync("#Upload_OfficerIdScanId", TestFiles.Png("责任人身份证.png"));
        await page.SetInputFilesAsync("#Upload_OfficerEmploymentProofId", TestFiles.Png("工作证明.png"));
        await page.SetInputFilesAsync("#Upload_OfficerCommitmentId", TestFiles.Pdf("责任人承诺书.pdf", "officer"));
        await page.SetInputFilesAsync("#Upload_FilingCommitmentId", TestFiles.Pdf("算法备案承诺书.pdf", "filing"));
        await page.SetInputFilesAsync("#Upload_ResponsibilityReportId", TestFiles.Docx("落实算法安全主体责任基本情况.docx", "落实算法安全主体责任基本情况"));
        await ScreenshotAsync(page, "1-subject-form.png");
        await page.ClickAsync("[data-testid=subject-submit]");
        await page.WaitForSelectorAsync("[data-testid=flash]:has-text('已提交审核')");
        Assert.Equal("待审核", await TextAsync(page, "[data-testid=subject-status]"));
        // The seven uploads are stored and listed with their names.
        foreach (var name in new[] { "营业执照.pdf", "法定代表人身份证.jpg", "落实算法安全主体责任基本情况.docx" })
            Assert.Contains(name, await page.TextContentAsync("main"));

        // Before approval the algorithm filing is closed.
        await page.ClickAsync("[data-testid=nav-filings]");
        await page.WaitForSelectorAsync("[data-testid=subject-not-approved]");

        // ---- The reviewer approves the subject.
        await SignOutAsync(page);
        await SignInAsync(page, reviewer, "**/review/subjects");
        var subjectRow = page.Locator($"[data-testid=review-subject-row][data-credit-code='{creditCode}']");
        Assert.Contains(Company, await subjectRow.TextContentAsync());
        await subjectRow.Locator("[data-testid=review-subject-open]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=subject-approve]");
        // Approval cannot be taken back: the form says so and wants the box ticked.
        Assert.Contains("此决定不能撤回", await TextAsync(page, "[data-testid=confirm-subject-approve]"));
        await page.CheckAsync("[data-testid=confirm-subject-approve-check]");
        await page.ClickAsync("[data-testid=subject-approve]");
        await page.WaitForSelectorAsync($"[data-testid=flash]:has-text('已通过主体备案：{Company}')");

        // ---- Back as the filer: the subject is approved; add the product and its function.
        await SignOutAsync(page);
        await SignInAsync(page, filer, "**/subjects");
        Assert.Equal("已通过", await TextAsync(page, "[data-testid=subject-status]"));

        await page.ClickAsync("[data-testid=nav-products]");
        await page.ClickAsync("[data-testid=product-new]");
        await page.FillAsync("#Input_Name", ProductName);
        await page.SelectOptionAsync("#Input_Form", "App");
        await page.FillAsync("#Input_AccessAddress", "https://yunque.example.cn/app");
        await page.SelectOptionAsync("#Input_Status", "InService");
        await page.SelectOptionAsync("#Input_Audience", "Both");
        await page.FillAsync("#Input_IcpNumber", "京ICP备12345678号-1");
        await page.FillAsync("#Input_MonthlyActiveUsers", "50000");
        await page.FillAsync("#Input_DailyActiveUsers", "8000");
        await page.FillAsync("#Input_TotalUsers", "200000");
        await page.CheckAsync("#Input_RequiresRealName");
        await page.CheckAsync("#Input_PersonalisedPushCanBeTurnedOff");
        await page.FillAsync("#Input_PersonalisedPushDescription", "在“设置—隐私”中可关闭个性化推荐。");
        await page.FillAsync("#Input_MinorsProtection", "提供青少年模式，限制使用时长。");
        await page.FillAsync("#Input_AccessPath_0", "打开云雀写作助手APP");
        await page.FillAsync("#Input_AccessPath_1", "点击“新建文档”");
        // The path stops one step short of the function: 备案预审 will block submission until it is completed.
        await page.ClickAsync("[data-testid=product-save]");
        await page.WaitForURLAsync(new Regex(@"/products/edit\?id="));
        await page.FillAsync("#FunctionName", FunctionName);
        await page.FillAsync("#FunctionDescription", "根据用户已写的内容续写后文，用户可选择保留或修改。");
        await page.ClickAsync("[data-testid=function-add]");
        await page.WaitForSelectorAsync($"[data-testid=function-list] td:has-text('{FunctionName}')");

        // ---- Algorithm filing, step ① basic attributes with the two uploads.
        await page.ClickAsync("[data-testid=nav-filings]");
        await page.ClickAsync("[data-testid=filing-new]");
        await page.WaitForURLAsync(BasicStepUrl());
        var filingId = BasicStepUrl().Match(page.Url).Groups[1].Value;
        // The step bar: nothing done yet; saving an empty step ① keeps the filer there and marks what is missing.
        Assert.Equal("missing", await page.GetAttributeAsync("[data-testid=step-1] >> xpath=..", "data-state"));
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=step-1] >> xpath=..", "data-current"));
        Assert.Equal("待选择填报角色", await TextAsync(page, "[data-testid=step-3-state]"));
        await page.ClickAsync("[data-testid=filing-save-basic]");
        await page.WaitForSelectorAsync("[data-testid=step-notice]");
        Assert.Contains("本步还有 8 项未完成", await TextAsync(page, "[data-testid=step-notice]"));
        Assert.Equal("请填写「算法名称」。", await TextAsync(page, ".field-validation-error[data-valmsg-for='Input.Name']"));
        Assert.Equal("缺 8 项", await TextAsync(page, "[data-testid=step-1-state]"));
        await ScreenshotAsync(page, "1b-step-missing.png");
        await page.FillAsync("#Input_Name", AlgorithmName);
        await page.SelectOptionAsync("#Input_Type", "GenerationSynthesis");
        await page.FillAsync("#Input_Domain", "写作辅助");
        await page.FillAsync("#Input_LaunchDate", "2026-10-08");
        await page.SelectOptionAsync("#Input_Role", "ServiceProvider");
        await page.FillAsync("#Input_MainPurpose", "应用于写作辅助场景，根据用户输入的文本生成相应的文本内容。");
        await page.SetInputFilesAsync("#Input_SelfAssessmentReport", TestFiles.Docx("算法安全自评估报告.docx", "算法安全自评估报告"));
        await page.SetInputFilesAsync("#Input_DisclosureDocument", TestFiles.Pdf("拟公示内容.pdf", "disclosure"));
        await page.ClickAsync("[data-testid=filing-save-basic]");
        await page.WaitForURLAsync($"**/filings/{filingId}/details");
        Assert.Equal("done", await page.GetAttributeAsync("[data-testid=step-1] >> xpath=..", "data-state"));
        Assert.Equal("已完成", await TextAsync(page, "[data-testid=step-1-state]"));
        Assert.Equal("missing", await page.GetAttributeAsync("[data-testid=step-2] >> xpath=..", "data-state"));
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=step-2] >> xpath=..", "data-current"));

        // ---- Step ② detailed attributes, labeling for the text output, the four published parts.
        await page.FillAsync("#Input_Summary", "以Transformer大语言模型为基础，按用户提示生成文本。");
        await page.FillAsync("#Input_Scenarios", "写作辅助：续写、改写、润色。");
        await page.CheckAsync("#Input_InputModalities_Text");
        await page.CheckAsync("#Input_OutputModalities_Text");
        await page.FillAsync("#Input_DataSources", "公开网页语料与已获授权的出版物，训练前去除个人信息。");
        await page.SelectOptionAsync("#Input_UsesBiometricData", "false");
        await page.SelectOptionAsync("#Input_UsesIdentityData", "false");
        await page.FillAsync("#Input_ModelAndTrainingData", "自研70亿参数模型，训练数据约2TB中文文本。");
        await page.FillAsync("#Input_Strategy", "按概率采样生成，敏感话题拒答。");
        await page.FillAsync("#Input_RisksAndSafeguards", "生成违法不良信息的风险：输入输出双重过滤，人工抽检。");
        await page.FillAsync("#Input_Labels_0__Explicit", "生成文本末尾添加“本内容由AI生成”提示");
        await page.FillAsync("#Input_Labels_0__Implicit", "导出文件元数据写入AIGC隐式标识");
        await page.SetInputFilesAsync("#Input_Labels_0__Example", TestFiles.Png("文本标识示例.png"));
        await page.FillAsync("#Input_ModerationFlow", "机器过滤后人工复审。");
        await page.FillAsync("#Input_LogRetentionMonths", "6");
        await page.FillAsync("#Input_ComplaintChannels", "应用内“我的—投诉举报”入口及客服邮箱，48小时内处理并反馈。");
        await page.FillAsync("#Input_RegulatorCooperation", "算法安全责任人对接网信、公安部门，24小时内响应调取日志与技术协助要求。");
        await page.FillAsync("#Input_DisclosurePrinciple", Principle);
        await page.FillAsync("#Input_DisclosureMechanism", Mechanism);
        await page.FillAsync("#Input_DisclosureScenarios", Scenarios);
        await page.FillAsync("#Input_DisclosurePurpose", Purpose);
        await page.ClickAsync("[data-testid=filing-save-details]");
        await page.WaitForURLAsync($"**/filings/{filingId}/products");

        // ---- Step ③ link the product and its function; step ④ confirm and submit.
        var option = page.Locator($"[data-testid=product-option][data-product='{ProductName}']");
        await option.Locator("[data-testid=product-checkbox]").CheckAsync();
        await option.Locator("[data-testid=function-checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=filing-save-products]");
        await page.WaitForURLAsync($"**/filings/{filingId}/confirm");
        Assert.Contains(ProductName, await TextAsync(page, "[data-testid=summary-products]"));
        // The confirm page lists products only; going back to step ③ shows the function choice was kept too.
        await page.ClickAsync("[data-testid=step-3]");
        await page.WaitForURLAsync($"**/filings/{filingId}/products");
        Assert.True(await option.Locator("[data-testid=function-checkbox]").IsCheckedAsync());
        await page.ClickAsync("[data-testid=step-4]");
        await page.WaitForURLAsync($"**/filings/{filingId}/confirm");
        Assert.Equal(0, await page.Locator("[data-testid=missing-fields]").CountAsync());
        foreach (var n in new[] { 1, 2, 3 }) Assert.Equal(
            "done", await page.GetAttributeAsync($"[data-testid=step-{n}] >> xpath=..", "data-state"));

        // Complete but blocked: the access path does not reach the function. The confirm page shows the check, the
        // button is disabled (and looks it), and the finding names the field and links to the product page.
        Assert.True(await page.IsDisabledAsync("[data-testid=filing-submit]"));
        Assert.Equal("blocked", await page.GetAttributeAsync("[data-testid=step-4] >> xpath=..", "data-state"));
        Assert.Contains("备案预审存在阻断项", await TextAsync(page, "[data-testid=submit-blocked]"));
        var blocking = page.Locator("[data-testid=confirm-check] tr[data-rule='access-path.incomplete']");
        Assert.Equal($"产品「{ProductName}」的功能访问路径", await TextAsync(blocking, "[data-testid=finding-field]"));
        var disabledColour = await page.EvalOnSelectorAsync<string>(
            "[data-testid=filing-submit]", "b => getComputedStyle(b).backgroundColor");
        Assert.NotEqual("rgb(11, 92, 173)", disabledColour); // not the enabled accent colour
        await ScreenshotAsync(page, "2a-confirm-blocked.png");
        await page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(page, "2a-confirm-blocked-390.png");
        await page.SetViewportSizeAsync(1280, 900);
        await blocking.Locator("[data-testid=finding-edit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/products/edit\?id=.*#access-path$"));
        await page.FillAsync("#Input_AccessPath_2", "点击“智能续写”");
        await page.ClickAsync("[data-testid=product-save]");
        await page.WaitForSelectorAsync("[data-testid=flash]:has-text('产品信息已保存')");
        await page.GotoAsync($"{app.BaseUrl}/Filings/{filingId}/Confirm");
        Assert.Equal("ready", await page.GetAttributeAsync("[data-testid=step-4] >> xpath=..", "data-state"));
        Assert.False(await page.IsDisabledAsync("[data-testid=filing-submit]"));
        await ScreenshotAsync(page, "2-filing-confirm.png");
        await page.ClickAsync("[data-testid=filing-submit]");
        await page.WaitForURLAsync($"**/filings/{filingId}");
        Assert.Equal("已提交", await TextAsync(page, "[data-testid=filing-status]"));

        // ---- The reviewer: queue, first review, pass, second review, publish.
        await SignOutAsync(page);
        await SignInAsync(page, reviewer, "**/review/subjects");
        await page.ClickAsync("[data-testid=nav-review-filings]");
        var row = page.Locator($"[data-testid=review-row][data-id='{filingId}']");
        await row.WaitForAsync();
        Assert.Contains(AlgorithmName, await row.TextContentAsync());
        Assert.Contains(Company, await row.TextContentAsync());
        Assert.Equal("已提交", await TextAsync(row, "[data-testid=review-status]"));
        await ScreenshotAsync(page, "3-review-queue.png");
        await row.Locator("[data-testid=review-open]").ClickAsync();
        await page.WaitForURLAsync($"**/review/filings/{filingId}");
        Assert.Equal(Company, await TextAsync(page, "[data-testid=review-subject]"));

        await ReviewStepAsync(page, "review-start-first", "一审");
        await page.FillAsync("#pass-comment", "材料齐全，同意进入二审。");
        await ReviewStepAsync(page, "review-pass-first", "二审");
        // Separation of duties: 二审 is decided by another reviewer than the one who passed 一审.
        await SignOutAsync(page);
        await SignInAsync(page, secondReviewer, "**/review/subjects");
        await page.GotoAsync($"{app.BaseUrl}/review/filings/{filingId}");
        // Issuing the number is irreversible: an unticked box stops the form (required), nothing happens.
        Assert.Contains("编号一经签发不再收回", await TextAsync(page, "[data-testid=confirm-review-publish]"));
        await page.ClickAsync("[data-testid=review-publish]");
        Assert.Equal("二审", await TextAsync(page, "[data-testid=filing-status]"));
        await page.CheckAsync("[data-testid=confirm-review-publish-check]");
        await ReviewStepAsync(page, "review-publish", "公示");
        var number = await TextAsync(page, "[data-testid=filing-number]");
        var decoded = FilingNumber.Decode(number);
        Assert.True(decoded.Valid, $"{number}: {string.Join("；", decoded.Problems)}");
        Assert.Equal("110108", decoded.Region);
        Assert.Equal("01", decoded.TypeCode); // 生成合成类
        await ScreenshotAsync(page, "4-review-published.png");

        // ---- The filer sees the number, the public link and the footer snippet to paste into the site.
        await SignOutAsync(page);
        await SignInAsync(page, filer, "**/subjects");
        await page.GotoAsync($"{app.BaseUrl}/Filings/{filingId}");
        Assert.Equal(number, await TextAsync(page, "[data-testid=filing-number]"));
        var publicPath = "/public/" + Uri.EscapeDataString(number);
        var publicLink = await page.GetAttributeAsync("[data-testid=public-link]", "href");
        Assert.Equal(app.BaseUrl + publicPath, publicLink);
        var snippet = await page.InputValueAsync("[data-testid=footer-snippet]");
        Assert.Contains($"href=\"{publicLink}\"", snippet);
        Assert.Contains($">{number}</a>", snippet);
        // The filer can read the whole trail of its filing: who moved it from where to where, with the reviewer's comment.
        var trail = page.Locator("[data-testid=audit-row]");
        Assert.Equal(4, await trail.CountAsync());
        Assert.Contains("草稿 → 已提交", await trail.Nth(0).TextContentAsync());
        Assert.Contains("材料齐全，同意进入二审。", await trail.Nth(2).TextContentAsync());
        Assert.Contains(number, await trail.Nth(3).TextContentAsync());
        await ScreenshotAsync(page, "5-filer-filing.png");

        // ---- Anyone, not signed in: the public entry under the number.
        await using var visitor = await NewContextAsync();
        var publicPage = await visitor.NewPageAsync();
        var response = await publicPage.GotoAsync(publicLink!);
        Assert.Equal(200, response!.Status);
        await publicPage.WaitForSelectorAsync("[data-testid=nav-login]"); // a visitor, not a signed-in filer
        Assert.Equal(AlgorithmName, await TextAsync(publicPage, "[data-testid=public-name]"));
        Assert.Equal(number, await TextAsync(publicPage, "[data-testid=public-number]"));
        Assert.Equal(Company, await TextAsync(publicPage, "[data-testid=public-subject]"));
        Assert.Equal("服务提供者", await TextAsync(publicPage, "[data-testid=public-role]"));
        Assert.Contains(ProductName, await TextAsync(publicPage, "[data-testid=public-products]"));
        Assert.Equal(Principle, await TextAsync(publicPage, "[data-testid=public-principle]"));
        Assert.Equal(Mechanism, await TextAsync(publicPage, "[data-testid=public-mechanism]"));
        Assert.Equal(Scenarios, await TextAsync(publicPage, "[data-testid=public-scenarios]"));
        Assert.Equal(Purpose, await TextAsync(publicPage, "[data-testid=public-purpose]"));
        Assert.Equal("", await TextAsync(publicPage, "[data-testid=public-remarks]")); // 备注 lines come only with later changes
        Assert.Contains("公示中", await TextAsync(publicPage, "[data-testid=public-in-publicity]"));
        await ScreenshotAsync(publicPage, "6-public-entry.png");

        // ---- The filer cancels: the form says what happens and wants the box ticked; afterwards no display instructions.
        await page.GotoAsync($"{app.BaseUrl}/Filings/{filingId}");
        Assert.Contains("备案编号作废", await TextAsync(page, "[data-testid=confirm-cancel]"));
        Assert.Contains(number, await TextAsync(page, "[data-testid=public-link]")); // shown decoded, not percent-encoded
        await page.FillAsync("#cancel-event-date", DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"));
        await page.ClickAsync("[data-testid=cancel-submit]");
        Assert.Equal("公示", await TextAsync(page, "[data-testid=filing-status]"));
        await page.CheckAsync("[data-testid=confirm-cancel-check]");
        await page.ClickAsync("[data-testid=cancel-submit]");
        await page.WaitForSelectorAsync("[data-testid=filing-status]:text-is('已注销')");
        Assert.Equal(0, await page.Locator("[data-testid=footer-snippet]").CountAsync());
        await page.WaitForSelectorAsync("[data-testid=cancelled-display]");
        await ScreenshotAsync(page, "7-filer-cancelled.png");
    }

    /// <summary>Self-registration of a filer; it lands on the subject form.</summary>
    private async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync(app.BaseUrl + "/Account/Register");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.FillAsync("#Input_ConfirmPassword", Password);
        // Registering signs nobody in (it must not reveal whether the address had an account): sign in next.
        await SubmitAndWaitForPageAsync(page, "[data-testid=register-submit]", "/account/login");
        Assert.Contains("注册申请已受理", await page.TextContentAsync("[data-testid=flash]"));
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await SubmitAndWaitForPageAsync(page, "[data-testid=login-submit]", "/subjects");
        await page.WaitForSelectorAsync("[data-testid=logout]");
    }

    [Fact]
    public async Task A_bad_credit_code_gets_a_Chinese_error_next_to_the_field_and_keeps_the_other_fields()
    {
        var filer = $"filer-{Guid.NewGuid():N}"[..16] + "@example.cn";
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await RegisterAsync(page, filer);

        // A real-looking code with the last (check) character changed.
        var good = TestFiles.CreditCode();
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');
        await FillSubjectAsync(page, bad);
        await page.ClickAsync("[data-testid=subject-save]");

        var error = page.Locator(".field:has(#Input_CreditCode) .field-validation-error[data-valmsg-for='Input.CreditCode']");
        await error.WaitForAsync();
        var message = (await error.TextContentAsync() ?? "").Trim();
        Assert.Contains("统一社会信用代码", message);
        Assert.Contains("校验位", message);
        Assert.Contains("input-validation-error", await page.GetAttributeAsync("#Input_CreditCode", "class"));
        Assert.Contains("信息未保存", await page.TextContentAsync(".validation-summary-errors"));
        await ScreenshotAsync(page, "subject-bad-credit-code.png");

        // Nothing typed is lost: the bad value stays for correction, the rest as entered.
        Assert.Equal(bad, await page.InputValueAsync("#Input_CreditCode"));
        Assert.Equal(Company, await page.InputValueAsync("#Input_Name"));
        Assert.Equal("北京市海淀区中关村大街27号", await page.InputValueAsync("#Input_Address"));
        Assert.Equal("张伟", await page.InputValueAsync("#Input_LegalRepName"));
        Assert.Equal(TestFiles.ResidentId("19820417", "031"), await page.InputValueAsync("#Input_LegalRepIdNumber"));
        Assert.Equal("13912345678", await page.InputValueAsync("#Input_OfficerMobile"));
        Assert.Equal("security@yunque.example.cn", await page.InputValueAsync("#Input_OfficerEmail"));
        Assert.Equal("150000", await page.InputValueAsync("#Input_MonthlyActiveUsers"));
        // Only the one field is marked.
        Assert.Equal(1, await page.Locator(".field-validation-error").CountAsync());

        // Corrected, it saves.
        await page.FillAsync("#Input_CreditCode", good);
        await page.ClickAsync("[data-testid=subject-save]");
        await page.WaitForSelectorAsync("[data-testid=flash]:has-text('已保存草稿')");
        Assert.Equal(good, await page.InputValueAsync("#Input_CreditCode"));
        Assert.Equal("草稿", await TextAsync(page, "[data-testid=subject-status]"));
    }

    private static async Task FillSubjectAsync(IPage page, string creditCode)
    {
        await page.FillAsync("#Input_Name", Company);
        await page.FillAsync("#Input_CreditCode", creditCode);
        await page.FillAsync("#Input_RegionCode", "110108");
        await page.FillAsync("#Input_Address", "北京市海淀区中关村大街27号");
        await page.FillAsync("#Input_Website", "https://yunque.example.cn");
        await page.FillAsync("#Input_MonthlyActiveUsers", "150000");
        await page.FillAsync("#Input_CertificateType", "营业执照");
        await page.FillAsync("#Input_CertificateAddress", "北京市海淀区中关村大街27号");
        await page.FillAsync("#Input_CertificateValidity", "长期");
        await page.FillAsync("#Input_LegalRepName", "张伟");
        await page.SelectOptionAsync("#Input_LegalRepIdType", "居民身份证");
        await page.FillAsync("#Input_LegalRepIdNumber", TestFiles.ResidentId("19820417", "031"));
        await page.FillAsync("#Input_OfficerName", "王芳");
        await page.SelectOptionAsync("#Input_OfficerIdType", "居民身份证");
        await page.FillAsync("#Input_OfficerIdNumber", TestFiles.ResidentId("19900623", "042"));
        await page.FillAsync("#Input_OfficerMobile", "13912345678");
        await page.FillAsync("#Input_OfficerEmail", "security@yunque.example.cn");
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser.Chromium.NewContextAsync(
            new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        return context;
    }

    private static async Task SignInAsync(IPage page, string email, string landing)
    {
        await page.ClickAsync("[data-testid=nav-login]");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await SubmitAndWaitForPageAsync(page, "[data-testid=login-submit]", landing.TrimStart('*'));
        await page.WaitForSelectorAsync("[data-testid=logout]");
    }

    /// <summary>
    /// Clicks a submit button and waits for the page the POST redirects to, by its response. Waiting for the
    /// navigation instead (its "load" event, later its URL at commit) hung for 60 s twice in CI after a POST → 302 → GET
    /// although the page had rendered ("NetworkIdle event fired"): Playwright missed the navigation event. The response
    /// is reported on another channel (network events).
    /// </summary>
    private static async Task SubmitAndWaitForPageAsync(IPage page, string submit, string pathStart)
    {
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync(submit),
            r => r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal)
                && r.Request.IsNavigationRequest,
            new() { Timeout = 120_000 });
        Assert.Equal(200, response.Status);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForSelectorAsync("[data-testid=nav-login]");
    }

    /// <summary>Clicks a review action and waits until the page shows the new status (the action redirects back).</summary>
    private static async Task ReviewStepAsync(IPage page, string action, string expectedStatus)
    {
        await page.ClickAsync($"[data-testid={action}]");
        await page.WaitForSelectorAsync($"[data-testid=filing-status]:text-is('{expectedStatus}')");
    }

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.TextContentAsync(selector) ?? "").Trim();
    private static async Task<string> TextAsync(ILocator scope, string selector) => (await scope.Locator(selector).TextContentAsync() ?? "")
        .Trim();

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Browser.ArtifactsDirectory, "filing-" + name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
    }
}
