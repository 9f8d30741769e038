using Microsoft.Playwright;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright for .NET. Browsers cannot be downloaded here, so Playwright is pointed at
/// /usr/bin/chromium (installed by ./test); the flags keep it from reaching for the network at start-up.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Screenshots and other artifacts a person can look at after the run.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Path.Combine(Suanbei.Testing.RepoPaths.Root, "artifacts", "e2e");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>A new page of <paramref name="context"/>, signed in through the login form as a person would.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowserContext context, string baseUrl, string email, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("[data-testid=login-submit]"));
        return page;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing; ./test installs Debian's chromium package.");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Chromium = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        Playwright?.Dispose();
    }
}
