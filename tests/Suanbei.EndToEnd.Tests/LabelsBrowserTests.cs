using Microsoft.Playwright;
using Suanbei.Labels;
using Suanbei.Testing;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>The app with a 1 MB label upload limit, so the browser-side size check can be tried with a small file.</summary>
public sealed class LabelsWebApp : WebApp
{
    protected override long LabelsMaxBytes => 1024 * 1024;
}

/// <summary>标识核验 in a browser: upload two files → verdicts; write a label → download → compliant; an upload over
/// the limit is stopped in the browser with the Chinese message.</summary>
public class LabelsBrowserTests(Browser browser, LabelsWebApp app) : IClassFixture<Browser>, IClassFixture<LabelsWebApp>, IDisposable
{
    private const string Password = "labels-walk1";
    private const string Producer = "001191440300708461136T1XGW3";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-e2e-labels-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string P(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task The_content_producer_builder_fills_the_write_form_on_a_phone()
    {
        var email = await app.CreateUserAsync(Roles.Filer, Password);
        var context = await browser.Chromium.NewContextAsync(
            new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("[data-testid=login-submit]"));
        await page.GotoAsync(app.BaseUrl + "/labels");

        await page.FillAsync("[data-testid=builder-credit-code]", "91440300708461136T");
        await page.FillAsync("[data-testid=builder-extension]", "1XGW3");
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("[data-testid=builder-submit]"));
        Assert.Equal(Producer, (await page.TextContentAsync("[data-testid=builder-code]"))?.Trim());
        Assert.Equal(Producer, await page.InputValueAsync("[data-testid=labels-write-producer]"));
        Assert.True(await page.EvaluateAsync<int>("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)") <= 390);
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(Browser.ArtifactsDirectory, "labels-producer-builder-390.png"),
            FullPage = true
        });
        await context.CloseAsync();
    }

    [Fact]
    public async Task Verify_two_uploads_then_write_a_label_and_download_a_compliant_file()
    {
        ExternalTool.RunChecked("convert", "-size", "64x48", "gradient:red-blue", P("plain.png"));
        ExternalTool.RunChecked("convert", "-size", "64x48", "gradient:green-white", P("photo.jpg"));
        LabelFile.Write(P("plain.png"), P("labeled.png"), AigcLabel.ForProducer(Producer, "e2e-1"));
        var email = await app.CreateUserAsync(Roles.Filer, Password);

        var context = await browser.Chromium.NewContextAsync(
            new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", AcceptDownloads = true });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await page.ClickAsync("[data-testid=nav-login]");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=logout]");

        // Verify: one compliant and one unlabelled file in one upload.
        await page.ClickAsync("[data-testid=nav-labels]");
        await page.SetInputFilesAsync("[data-testid=labels-files]", [P("labeled.png"), P("photo.jpg")]);
        await page.ClickAsync("[data-testid=labels-verify]");
        await page.WaitForSelectorAsync("[data-testid=labels-results]");
        var verdicts = await page.Locator("[data-testid=labels-result-verdict]")
            .EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.verdict)");
        var files = await page.Locator("[data-testid=labels-result-file]").AllInnerTextsAsync();
        Assert.Equal(2, verdicts.Length);
        Assert.Equal("compliant", verdicts[files.ToList().FindIndex(f => f.Contains("labeled.png"))]);
        Assert.Equal("not_found", verdicts[files.ToList().FindIndex(f => f.Contains("photo.jpg"))]);
        Assert.Equal("png/iTXt/XMP", (await page.TextContentAsync("[data-testid=labels-result-placement]"))?.Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "labels-verify.png"), FullPage = true });

        // Write: the JPEG comes back labelled, in the same container.
        await page.SetInputFilesAsync("[data-testid=labels-write-file]", P("photo.jpg"));
        await page.FillAsync("[data-testid=labels-write-producer]", Producer);
        await page.FillAsync("[data-testid=labels-write-produce-id]", "e2e-write-1");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=labels-write]"));
        Assert.Equal("photo-labeled.jpg", download.SuggestedFilename);
        await download.SaveAsAsync(P("downloaded.jpg"));
        var report = LabelFile.Verify(P("downloaded.jpg"));
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal("e2e-write-1", report.Labels[0].Fields["ProduceID"]);

        // Over the limit: the browser stops the upload and shows the reason next to the field.
        await page.GotoAsync(app.BaseUrl + "/labels");
        File.WriteAllBytes(P("big.png"), new byte[2 * 1024 * 1024]);
        await page.SetInputFilesAsync("[data-testid=labels-files]", P("big.png"));
        await page.ClickAsync("[data-testid=labels-verify]");
        var message = page.Locator("[data-testid=labels-verify-form] [data-valmsg-for]");
        await Assertions.Expect(message).ToContainTextAsync("超过大小上限");
        Assert.Equal(0, await page.Locator("[data-testid=labels-results]").CountAsync());
        await context.CloseAsync();
    }
}
