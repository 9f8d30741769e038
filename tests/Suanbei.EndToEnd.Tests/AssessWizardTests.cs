using Microsoft.Playwright;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// The 备案判断 wizard in a browser: one question group per step, the plan with its articles right after the last step,
/// the next step for an anonymous visitor (register / sign in), editing an answer, and the kept record when no filing
/// is needed. Screenshots at desktop and phone width.
/// </summary>
public class AssessWizardTests(Browser browser, WebApp app) : IClassFixture<Browser>, IClassFixture<WebApp>
{
    private static async Task NextAsync(IPage page, string button = "[data-testid=assess-next-step]") =>
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync(button));

    [Fact]
    public async Task Face_swap_mini_program_needs_a_generation_filing_and_a_biometric_assessment()
    {
        var page = await browser.Chromium.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 1280, Height = 900 },
            AcceptDownloads = true
        });
        await page.GotoAsync(app.BaseUrl + "/Assess");

        // Step 1 alone; without a name it stays there and says what is missing.
        Assert.False(await page.IsVisibleAsync("[data-testid=function-0-name]"));
        await NextAsync(page);
        Assert.Contains("请填写服务名称", await page.TextContentAsync("[data-valmsg-for='Input.ServiceName']") ?? "");
        await page.FillAsync("[data-testid=service-name]", "秒换脸小程序");
        await page.CheckAsync("[data-testid=audience-Public]");
        await page.CheckAsync("[data-testid='form-小程序']");
        await NextAsync(page);

        // Step 2: how it is provided (the default, directly to users, stays).
        Assert.True(await page.IsCheckedAsync("[data-testid=offers-to-end-users]"));
        Assert.False(await page.IsVisibleAsync("[data-testid=service-name]"));
        await NextAsync(page);

        // Step 3: model and scale; going back keeps what was entered.
        await page.CheckAsync("[data-testid=model-None]");
        await page.FillAsync("[data-testid=launch-date]", "2026-11-02");
        await NextAsync(page, "[data-testid=assess-back]");
        await NextAsync(page);
        Assert.Equal("2026-11-02", await page.InputValueAsync("[data-testid=launch-date]"));
        await NextAsync(page);

        // Step 4: the functions, then the plan.
        await page.FillAsync("[data-testid=function-0-name]", "一键换脸");
        await page.CheckAsync("[data-testid=function-0-generates-Image]");
        await page.CheckAsync("[data-testid=function-0-generates-Video]");
        await page.CheckAsync("[data-testid=function-0-EditsFaces]");
        await NextAsync(page, "[data-testid=assess-submit]");

        try { await page.WaitForSelectorAsync("[data-testid=assess-result]"); }
        catch (TimeoutException) { File.WriteAllText("/tmp/e2e-page.html", await page.ContentAsync()); throw; }
        Assert.Equal("需要算法备案", (await page.TextContentAsync("[data-testid=assess-conclusion]"))?.Trim());
        var filings = await page.TextContentAsync("[data-testid=assess-filings]") ?? "";
        Assert.Contains("一键换脸", filings);
        Assert.Contains("生成合成类", filings);
        Assert.Contains("服务提供者", filings);
        var security = await page.TextContentAsync("[data-testid=assess-security]") ?? "";
        Assert.Contains("《互联网信息服务深度合成管理规定》第二十条", security);
        Assert.Contains("2026-11-16", await page.TextContentAsync("[data-testid=assess-deadlines]") ?? "");
        // The plan is at the top of the page, not below a long form.
        var box = await page.Locator("[data-testid=assess-conclusion]").BoundingBoxAsync();
        Assert.True(box!.Y < 900, $"the conclusion is at y={box.Y}");
        // An anonymous visitor is offered to register or sign in.
        Assert.True(await page.IsVisibleAsync("[data-testid=next-register]"));
        Assert.True(await page.IsVisibleAsync("[data-testid=next-login]"));

        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "assess-wizard.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "assess-wizard-390.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await page.SetViewportSizeAsync(1280, 900);

        // The answers survive the round trip: edit step 1, the rest is kept.
        await NextAsync(page, "[data-testid=edit-step-1]");
        Assert.Equal("秒换脸小程序", await page.InputValueAsync("[data-testid=service-name]"));
        await page.CheckAsync("[data-testid=audience-Internal]");
        await NextAsync(page);
        await page.UncheckAsync("[data-testid=offers-to-end-users]");
        await NextAsync(page);
        await NextAsync(page);
        Assert.Equal("一键换脸", await page.InputValueAsync("[data-testid=function-0-name]"));
        Assert.True(await page.IsCheckedAsync("[data-testid=function-0-EditsFaces]"));
        await NextAsync(page, "[data-testid=assess-submit]");
        await page.WaitForSelectorAsync("[data-testid=assess-result]");
        Assert.Equal("无需算法备案", (await page.TextContentAsync("[data-testid=assess-conclusion]"))?.Trim());

        // No filing needed: keep a dated record of the answers and the conclusion.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=keep-record]"));
        Assert.StartsWith("备案判断记录-", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), "suanbei-e2e-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        await download.SaveAsAsync(file);
        try
        {
            var record = await File.ReadAllTextAsync(file);
            Assert.Contains("结论：无需算法备案", record);
            Assert.Contains("秒换脸小程序", record);
            Assert.Contains("仅企业内部使用", record);
            Assert.Matches(@"判断时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）", record);
        }
        finally { File.Delete(file); }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "assess-no-filing.png"), FullPage = true });
    }
}
