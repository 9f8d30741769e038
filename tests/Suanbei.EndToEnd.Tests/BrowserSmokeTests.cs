namespace Suanbei.EndToEnd.Tests;

/// <summary>Proves the browser itself works (Chinese glyphs included) before any walk-through depends on it.</summary>
public class BrowserSmokeTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Chromium_renders_a_page_with_Chinese_text()
    {
        var page = await browser.Chromium.NewPageAsync();
        await page.SetContentAsync(
            "<html><body><h1 id='t'>网信算备</h1><button onclick=\"document.getElementById('t').textContent='已备案'\">提交</button></body></html>");
        await page.ClickAsync("text=提交");
        Assert.Equal("已备案", await page.TextContentAsync("#t"));
        var shot = Path.Combine(Browser.ArtifactsDirectory, "smoke.png");
        await page.ScreenshotAsync(new() { Path = shot });
        Assert.True(new FileInfo(shot).Length > 1000);
    }
}
