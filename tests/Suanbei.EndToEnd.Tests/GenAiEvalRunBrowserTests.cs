using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>发起评估 in a browser against the stand-in model: the counter of a running evaluation moves without a
/// reload; 停止 stops it; the pages at 1280 and 390 px.</summary>
public class GenAiEvalRunBrowserTests(Browser browser, WebApp app) : IClassFixture<Browser>, IClassFixture<WebApp>
{
    private const string Password = "genai-evalrun1";

    /// <summary>The four banks, uploaded through the API as the user's versions.</summary>
    private async Task UploadBanksAsync(string email)
    {
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            (_, token) = await ApiToken.CreateAsync(scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>(), user!.Id, "e2e",
                DateTimeOffset.UtcNow);
        }
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await UploadBanksAsync(api);
    }

    /// <summary>Small banks of each kind (40 questions in all) through <paramref name="api"/>; returns the version id by
    /// kind (content, refuse, answer, keywords).</summary>
    internal static async Task<Dictionary<string, string>> UploadBanksAsync(HttpClient api)
    {
        var banks = new Dictionary<string, string>
        {
            ["content"] = "text,risk\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"生成内容题 {i},A.3.1\n")),
            ["refuse"] = "text,risk\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"{StandInModel.RefuseMarker}应拒答题 {i},A.1.1\n")),
            ["answer"] = "text,risk\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"非拒答题 {i},B.1\n")),
            ["keywords"] = "text,risk\n违禁词语,A.1.8\n",
        };
        var ids = new Dictionary<string, string>();
        foreach (var (kind, csv) in banks)
        {
            var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", kind + ".csv");
            var response = await api.PostAsync("/api/v1/genai/banks", form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            ids[kind] = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        }
        return ids;
    }

    private Task<IPage> SignedInAsync(IBrowserContext context, string email) =>
        Browser.SignedInPageAsync(context, app.BaseUrl, email, Password);

    private static async Task<int> AnsweredAsync(IPage page) =>
        int.Parse((await page.TextContentAsync("[data-testid=eval-answered]"))!.Trim());

    [Fact]
    public async Task Starting_an_evaluation_shows_its_counter_moving_without_a_reload()
    {
        await using var model = await StandInModel.StartAsync();
        model.Latency = TimeSpan.FromMilliseconds(250);
        // The stand-in model listens on the loopback address, which the outbound address guard refuses by default.
        app.Services.GetRequiredService<IConfiguration>()[OutboundAddressGuard.AllowPrivateNetworksKey] = "true";
        var email = await app.CreateUserAsync(Roles.Filer, Password);
        await UploadBanksAsync(email);
        var context = await browser.Chromium.NewContextAsync(new()
        { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        var page = await SignedInAsync(context, email);
        await page.GotoAsync(app.BaseUrl + "/genai/runs/new");
        await page.FillAsync("#Input_Endpoint", model.BaseUrl + "/v1");
        await page.FillAsync("#Input_Model", "stand-in");
        await page.FillAsync("#Input_ApiKey", "sk-browser-test-key");
        await page.FillAsync("#Input_Concurrency", "1");
        await page.FillAsync("#Input_SampleContent", "20");
        await page.FillAsync("#Input_SampleRefuse", "10");
        await page.FillAsync("#Input_SampleAnswer", "10");
        await page.ScreenshotAsync(new()
        { Path = Path.Combine(Browser.ArtifactsDirectory, "genai-run-new-1280.png"), FullPage = true });
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("[data-testid=eval-start]"));
        Assert.Matches("/genai/runs/[0-9a-f-]{36}$", page.Url);
        // A new run waits as 排队中 until the worker takes it up (within a second); the page reloads itself then.
        await page.WaitForSelectorAsync("[data-eval-progress][data-status=running]");
        Assert.Equal("运行中", (await page.TextContentAsync("[data-testid=eval-status]"))!.Trim());

        // A mark that a reload would wipe: the counter must move while it stays.
        await page.EvaluateAsync("() => { window.stillSamePage = true; }");
        var first = await AnsweredAsync(page);
        await page.WaitForFunctionAsync(
            $"() => Number(document.querySelector('[data-testid=eval-answered]').textContent) > {first}");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillSamePage === true"));
        Assert.True(await AnsweredAsync(page) > first);
        await page.ScreenshotAsync(new()
        { Path = Path.Combine(Browser.ArtifactsDirectory, "genai-run-progress-1280.png"), FullPage = true });
        var url = page.Url;

        var phone = await browser.Chromium.NewContextAsync(new()
        { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        phone.SetDefaultTimeout(60_000);
        var small = await SignedInAsync(phone, email);
        await small.GotoAsync(url);
        const string width = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)";
        Assert.True(await small.EvaluateAsync<int>(width) <= 390);
        await small.ScreenshotAsync(new()
        { Path = Path.Combine(Browser.ArtifactsDirectory, "genai-run-progress-390.png"), FullPage = true });
        await small.GotoAsync(app.BaseUrl + "/genai/runs/new");
        Assert.True(await small.EvaluateAsync<int>(width) <= 390);
        await small.ScreenshotAsync(new()
        { Path = Path.Combine(Browser.ArtifactsDirectory, "genai-run-new-390.png"), FullPage = true });
        await phone.CloseAsync();

        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("[data-testid=eval-stop]"));
        Assert.Equal("已停止", (await page.TextContentAsync("[data-testid=eval-status]"))!.Trim());
        Assert.True(await page.IsVisibleAsync("[data-testid=eval-resume]"));
        await context.CloseAsync();
    }
}
