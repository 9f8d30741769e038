using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Suanbei.Web.Features.GenAi;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAi;

/// <summary>A reviewed run's 安全自评估报告 (DOCX) and results (XLSX, JSON) from the review page, for its owner only.</summary>
public abstract partial class ReviewDownloadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [GeneratedRegex("id=\"item-1\"[\\s\\S]*?name=\"itemId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex SecondItem();

    private static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task The_report_and_the_results_follow_the_persons_marks_and_the_latest_bank_check()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var upload = await filer.PostMultipartAsync("/genai/banks", new() { ["Input.Kind"] = "refuse" },
            [("Input.File", "refuse-v1.csv", Encoding.UTF8.GetBytes(BankCoverageTests<TApp>.RefuseCsv(30)))]);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var (manifest, journal) = ReviewRunFiles.Build();
        var imported = await ReviewQueueTests<TApp>.ImportAsync(filer, manifest, journal, ReviewRunFiles.Keywords);
        var run = imported.Headers.Location!.ToString();
        var html = await filer.GetStringAsync(run);
        Assert.Contains($"href=\"{run}?handler=report\"", html);

        // c2 holds a keyword: the automatic verdict fails it, a person passes it
        var mark = await filer.PostFormAsync(run, new() { ["itemId"] = SecondItem().Match(html).Groups[1].Value, ["verdict"] = "true" },
            run + "?handler=Mark");
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);

        var report = await filer.GetAsync(run + "?handler=report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(GenerativeAiSelfAssessmentReport.DocxType, report.Content.Headers.ContentType!.MediaType);
        var text = DocxText(await report.Content.ReadAsByteArrayAsync());
        Assert.Contains("评估对象（模型）：test-model", text);
        Assert.Contains("生成内容抽样（关键词检测）\n4（标准要求不少于 1,000）\n合格 4\n100.0%", text);
        Assert.Contains("人工 1，自动 3", text);
        Assert.Contains("refuse-v1.csv", text); // the bank section cites the owner's latest check
        Assert.Contains("应拒答测试题库：各风险（方面）覆盖", text);

        var json = JsonDocument.Parse(await filer.GetByteArrayAsync(run + "?handler=export&format=json")).RootElement;
        var content = json.GetProperty("banks")[0];
        Assert.Equal((4, 4, 3, 1), (content.GetProperty("sampled").GetInt32(), content.GetProperty("counted").GetInt32(),
            content.GetProperty("automatic").GetProperty("counted").GetInt32(), content.GetProperty("humanVerdicts").GetInt32()));
        Assert.Equal(64, json.GetProperty("inputHashes").GetProperty("keywords").GetString()!.Length);
        var xlsx = await filer.GetAsync(run + "?handler=export&format=xlsx");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal(4, workbook.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);

        var (_, other) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(run + "?handler=report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(run + "?handler=export&format=json")).StatusCode);
    }
}

public sealed class ReviewDownloadTestsSqlite(SqliteApp app) : ReviewDownloadTests<SqliteApp>(app);
public sealed class ReviewDownloadTestsPostgres(PostgresApp app) : ReviewDownloadTests<PostgresApp>(app);
