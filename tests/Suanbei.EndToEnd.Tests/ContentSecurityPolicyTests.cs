using Microsoft.Playwright;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// The pages satisfy their Content-Security-Policy: opened in Chromium, none of the main pages (anonymous, filer,
/// reviewer; the registry with its SVG charts) reports a CSP violation or a script error in the console.
/// </summary>
public sealed class ContentSecurityPolicyTests(Browser browser, RegistryWebApp registry, WebApp app)
    : IClassFixture<Browser>, IClassFixture<RegistryWebApp>, IClassFixture<WebApp>
{
    private const string Password = "csptestpass1";

    private static async Task<List<string>> VisitAsync(IPage page, string baseUrl, IEnumerable<string> paths)
    {
        var problems = new List<string>();
        // A page that breaks the policy: Chromium reports "Refused to … because it violates the following Content Security Policy
        // directive".
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{page.Url}: [{m.Type}] {m.Text}");
        };
        page.PageError += (_, e) => problems.Add($"{page.Url}: page error {e}");
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(baseUrl + path);
            Assert.NotNull(response);
            Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "");
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        return problems;
    }

    [Fact]
    public async Task The_main_pages_raise_no_csp_violation_in_the_browser()
    {
        await using var context = await browser.Chromium.NewContextAsync(new() { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var problems = await VisitAsync(page, registry.BaseUrl,
            ["/", "/registry", "/registry?q=算法", "/registry/stats", "/registry/verify", "/Assess", "/Labels", "/Account/Login",
                "/Account/Register", "/public"]);

        var filer = await app.CreateUserAsync(Roles.Filer, Password);
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("#Input_Email", filer);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");
        problems.AddRange(await VisitAsync(page, app.BaseUrl,
            ["/Subjects", "/Products", "/Products/Edit", "/Filings", "/Deadlines", "/Account/Manage", "/Account/Manage/Tokens"]));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
