using Microsoft.Playwright;

namespace Suanbei.EndToEnd.Tests;

/// <summary>The 备案判断 wizard in a browser: fill the questionnaire, read the plan with its articles, screenshot it.</summary>
public class AssessWizardTests(Browser browser, WebApp app) : IClassFixture<Browser>, IClassFixture<WebApp>
{
    [Fact]
    public async Task Face_swap_mini_program_needs_a_generation_filing_and_a_biometric_assessment()
    {
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(app.BaseUrl + "/Assess");
        await page.FillAsync("[data-testid=service-name]", "秒换脸小程序");
        await page.CheckAsync("[data-testid=audience-Public]");
        await page.CheckAsync("[data-testid='form-小程序']");
        await page.CheckAsync("[data-testid=model-None]");
        await page.FillAsync("[data-testid=launch-date]", "2026-11-02");
        await page.FillAsync("[data-testid=function-0-name]", "一键换脸");
        await page.CheckAsync("[data-testid=function-0-generates-Image]");
        await page.CheckAsync("[data-testid=function-0-generates-Video]");
        await page.CheckAsync("[data-testid=function-0-EditsFaces]");
        await page.ClickAsync("[data-testid=assess-submit]");

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
        // The answers survive the round trip, so the filer can adjust and re-run.
        Assert.Equal("秒换脸小程序", await page.InputValueAsync("[data-testid=service-name]"));
        Assert.True(await page.IsCheckedAsync("[data-testid=function-0-EditsFaces]"));

        var shot = Path.Combine(Browser.ArtifactsDirectory, "assess-wizard.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);

        // Same service used only inside the company: no filing.
        await page.CheckAsync("[data-testid=audience-Internal]");
        await page.UncheckAsync("[data-testid=offers-to-end-users]");
        await page.ClickAsync("[data-testid=assess-submit]");
        await page.WaitForSelectorAsync("[data-testid=assess-result]");
        Assert.Equal("无需算法备案", (await page.TextContentAsync("[data-testid=assess-conclusion]"))?.Trim());
    }
}
