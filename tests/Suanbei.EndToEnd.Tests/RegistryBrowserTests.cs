using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Builder;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

namespace Suanbei.EndToEnd.Tests;

/// <summary>The real app on a free loopback port whose SQLite registry holds the four shared lists (imported like the CLI does).</summary>
public sealed class RegistryWebApp : IAsyncLifetime
{
    public static IReadOnlyList<string> SharedFiles => Suanbei.Registry.Published.PublishedLists.FileNames;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "suanbei-e2e-registry-" + Guid.NewGuid().ToString("N")[..10]);
    private WebApplication _app = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var options = new SuanbeiHostOptions
        {
            DataDirectory = _data, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false,
            EnvironmentName = "Production"
        };
        await ImportSharedListsAsync(options);
        _app = SuanbeiWebHost.Build(options);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    /// <summary>Imports the four published lists shipped with the repository into the database of <paramref name="options"/> (like
    /// `registry import`).</summary>
    public static async Task ImportSharedListsAsync(SuanbeiHostOptions options)
    {
        await using var db = new SuanbeiDbContext(DatabaseSetup.Options(options));
        DatabaseSetup.Migrate(db, options);
        var store = new RegistryStore(db);
        foreach (var f in SharedFiles) await store.ImportAsync(RegistryImporter.ImportFile(RepoPaths.PublishedList(f)));
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch { }
    }
}

/// <summary>Public registry in a browser: a 2-character Chinese search → an entry → the .xlsx export of the search.</summary>
public class RegistryBrowserTests(Browser browser, RegistryWebApp app) : IClassFixture<Browser>, IClassFixture<RegistryWebApp>
{
    [Fact]
    public async Task Search_two_chinese_characters_open_an_entry_and_export_the_result_as_xlsx()
    {
        const string query = "豆包";
        const string number = "网信算备110108823483901230031号"; // 豆包大模型算法 in the shared deep-synthesis list
        var source = RegistryImporter.ImportFile(RepoPaths.PublishedList("deep-synthesis-filings.tsv")).Rows
            .Where(r => r.Number == number).OrderBy(r => r.Period, StringComparer.Ordinal).Last();

        var page = await browser.Chromium.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 1000 },
            AcceptDownloads = true
        });
        await page.GotoAsync(app.BaseUrl + "/registry");
        await page.FillAsync("[data-testid=registry-q]", query);
        await page.ClickAsync("[data-testid=registry-submit]");
        await page.WaitForSelectorAsync("[data-testid=registry-total]");

        var total = int.Parse(new string((await page.TextContentAsync("[data-testid=registry-total]"))!.Where(char.IsAsciiDigit)
            .ToArray()));
        var rows = page.Locator("[data-testid=registry-row]");
        var rowTexts = await rows.AllInnerTextsAsync();
        Assert.InRange(total, 2, 20); // one page (20 a page) holds them all
        Assert.Equal(total, rowTexts.Count);
        Assert.All(rowTexts, t => Assert.Contains(query, t));
        var shownNumbers = await page.Locator("[data-testid=registry-entry-link]").AllTextContentsAsync();
        Assert.Contains(number, shownNumbers);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "registry-search.png"), FullPage = true });

        // The .xlsx export of the current search holds exactly the rows shown.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-xlsx]"));
        var file = Path.Combine(Path.GetTempPath(), "suanbei-e2e-" + Guid.NewGuid().ToString("N")[..8] + ".xlsx");
        await download.SaveAsAsync(file);
        try
        {
            Assert.EndsWith(".xlsx", download.SuggestedFilename);
            var sheet = ReadFirstSheet(file);
            var header = sheet[0];
            var numberColumn = header.IndexOf("备案编号");
            Assert.True(numberColumn >= 0, "no 备案编号 column in " + string.Join("|", header));
            var exported = sheet.Skip(1).Where(r => r.Count > numberColumn && r[numberColumn].Length > 0).Select(r => r[numberColumn])
                .Order(StringComparer.Ordinal).ToList();
            Assert.Equal(shownNumbers.Order(StringComparer.Ordinal).ToList(), exported);
            var exportedRow = sheet.First(r => r.Count > numberColumn && r[numberColumn] == number);
            Assert.Contains(source.Name, exportedRow);
            Assert.Contains(source.Entity, exportedRow);
        }
        finally { File.Delete(file); }

        // The entry page shows the number and the columns of the published list.
        await page.ClickAsync($"[data-testid=registry-entry-link]:text-is('{number}')");
        await page.WaitForSelectorAsync("[data-testid=entry-number]");
        Assert.Equal(number, (await page.TextContentAsync("[data-testid=entry-number]"))!.Trim());
        Assert.Equal(source.Name, (await page.TextContentAsync("[data-testid=entry-name]"))!.Trim());
        var facts = await page.InnerTextAsync("dl.facts");
        Assert.Contains(source.Role!, facts);
        Assert.Contains(source.Entity, facts);
        Assert.Contains(source.Purpose!, facts);
        Assert.Contains("北京市", facts); // province decoded from the number's region code 110108
        Assert.Contains("有效", await page.TextContentAsync("[data-testid=entry-status]"));
        Assert.True(await page.Locator("[data-testid=entry-listings] tr").CountAsync() >= 2); // header + at least one listing
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "registry-entry.png"), FullPage = true });
    }

    /// <summary>Cell texts of the first worksheet, row by row (shared and inline strings resolved).</summary>
    private static List<List<string>> ReadFirstSheet(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheetId = wb.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!;
        var ws = (WorksheetPart)wb.GetPartById(sheetId);
        return ws.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? ""
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
