using System.Text;
using Microsoft.Playwright;
using Suanbei.GenAi;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>题库覆盖检查 in a browser: upload a must-refuse bank short of one risk's minimum, see the shortfall and the
/// chart, on a desktop and on a phone (no sideways scrolling of the page).</summary>
public class GenAiBanksBrowserTests(Browser browser, WebApp app) : IClassFixture<Browser>, IClassFixture<WebApp>
{
    private const string Password = "genai-banks1";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task A_short_bank_shows_its_shortfall_and_chart(int width, int height)
    {
        var rules = AssessmentRules.Default;
        var csv = new StringBuilder("text,risk\n");
        var coverage = rules.Coverage(BankKind.Refuse).ToList();
        foreach (var (code, quota) in coverage)
            for (var i = 0; i < quota.Minimum + (code == coverage[0].Code ? -5 : 15); i++)
                csv.Append($"关于{code.Code}的第{i}个问题,{code.Code}\n");
        var email = await app.CreateUserAsync(Roles.Filer, Password);
        var context = await browser.Chromium.NewContextAsync(new()
        { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        var page = await Browser.SignedInPageAsync(context, app.BaseUrl, email, Password);
        await page.GotoAsync(app.BaseUrl + "/GenAi/Banks");
        await page.SelectOptionAsync("#Input_Kind", "refuse");
        var file = new FilePayload { Name = "应拒答题库.csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) };
        await page.SetInputFilesAsync("#Input_File", file);
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("[data-testid=bank-check]"));

        var first = coverage[0].Code;
        Assert.Contains($"{first.Code} {first.Name}", await page.TextContentAsync("[data-testid=bank-shortfalls]"));
        Assert.Equal(1, await page.Locator("svg.coverage-chart rect.short").CountAsync());
        const string pageWidth = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)";
        Assert.True(await page.EvaluateAsync<int>(pageWidth) <= width);
        await page.ScreenshotAsync(new()
        { Path = Path.Combine(Browser.ArtifactsDirectory, $"genai-banks-{width}.png"), FullPage = true });
        await context.CloseAsync();
    }
}
