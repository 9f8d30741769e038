using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Suanbei.Testing;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings.Documents;

/// <summary>
/// Generated DOCX documents round-trip through LibreOffice (headless, converted to PDF) and pdftotext, and their text
/// carries the filing's own content; the package's manifest hashes match its files.
/// </summary>
public sealed class DocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Principle = "算法先读懂用户写下的主题，再按照文章结构逐段写出草稿。";
    private const string Mechanism = "用户输入主题，系统检查输入，算法生成草稿并标注由人工智能生成。";
    private const string Scenarios = "教师在星河写作中生成教案初稿。";
    private const string Purpose = "帮助教师节省撰写初稿的时间。";
    private const string Risks = "生成不实信息：关键词过滤与人工抽检\n侵犯著作权：训练数据仅使用授权语料\n用户可通过举报入口投诉，24小时内处理";

    private async Task<(Filer Filer, HttpClient Api, Guid Id)> FilingAsync()
    {
        var filer = await ApprovedFilerAsync(app, name: "北京星河智写科技有限公司", documentFacts: true);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "星河写作文本生成算法");
        var d = JsonSerializer.SerializeToNode(Details(filer), Json)!;
        d["details"]!["disclosurePrinciple"] = Principle;
        d["details"]!["disclosureMechanism"] = Mechanism;
        d["details"]!["disclosureScenarios"] = Scenarios;
        d["details"]!["disclosurePurpose"] = Purpose;
        d["details"]!["risksAndSafeguards"] = Risks;
        d["details"]!["logRetentionMonths"] = 12;
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/details", d, Json));
        return (filer, api, id);
    }

    private static string PdfText(string dir, string docx)
    {
        var profile = "file://" + Path.Combine(dir, "lo-profile");
        ExternalTool.RunChecked("libreoffice", $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", dir,
            docx);
        var pdf = Path.ChangeExtension(docx, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice did not write {pdf}");
        var text = ExternalTool.RunChecked("pdftotext", "-enc", "UTF-8", pdf, "-");
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c))); // pdftotext breaks lines anywhere
    }

    private static string Flat(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Every_document_opens_in_libreoffice_and_carries_the_filing_content()
    {
        var (_, api, id) = await FilingAsync();
        var dir = Directory.CreateTempSubdirectory("suanbei-docs-").FullName;
        try
        {
            var texts = new Dictionary<string, string>();
            foreach (var kind in new[] { "disclosure", "self-assessment", "responsibility" })
            {
                var r = await api.GetAsync($"/api/v1/filings/{id}/documents/{kind}");
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    r.Content.Headers.ContentType?.MediaType);
                var path = Path.Combine(dir, kind + ".docx");
                await File.WriteAllBytesAsync(path, await r.Content.ReadAsByteArrayAsync());
                texts[kind] = PdfText(dir, path);
            }

            var disclosure = texts["disclosure"];
            foreach (var s in new[] { "算法基本原理", "算法运行机制", "算法应用场景", "算法目的意图", Principle, Mechanism, Scenarios, Purpose, "星河写作文本生成算法",
                "北京星河智写科技有限公司" })
                Assert.Contains(Flat(s), disclosure);

            var assessment = texts["self-assessment"];
            foreach (var s in new[] { "算法安全自评估报告", "安全管理负责人", "用户真实身份核验", "日志留存12个月", "投诉、举报渠道", "技术、数据支持",
                         "生成不实信息", "关键词过滤与人工抽检", "侵犯著作权", "训练数据仅使用授权语料", "算法安全责任人：李四（首席算法安全官）" })
                Assert.Contains(Flat(s), assessment);

            var responsibility = texts["responsibility"];
            foreach (var s in new[] { "落实算法安全主体责任基本情况", "91440300708461136T", "李四", "测试写作（APP）", "京ICP备12345678号-1", "留存12个月",
                         // the product's ICP facts and the functions this filing chose
                         "ICP主办单位/持证主体：北京星河智写科技有限公司", "ICP许可证有效期至：2030-12-31", "ICP经营范围：互联网信息服务（不含新闻、出版）",
                         "应用本算法的功能：智能写作：根据用户输入生成文章",
                         // the officer-document facts
                         "职务：首席算法安全官", "任职期限：2024-01-01至今", "工作证明出具单位：北京星河智写科技有限公司", "《算法安全责任人承诺书》签字人：李四" })
                Assert.Contains(Flat(s), responsibility);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Package_holds_documents_materials_and_a_manifest_with_sha256()
    {
        var (_, api, id) = await FilingAsync();
        var r = await api.GetAsync($"/api/v1/filings/{id}/documents/package");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        var manifestEntry = zip.GetEntry("manifest.json")!;
        using var manifest = JsonDocument.Parse(manifestEntry.Open());
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Contains(files, f => f.GetProperty("path").GetString() == "documents/拟公示内容.docx");
        Assert.Contains(files, f => f.GetProperty("path").GetString() == "documents/算法安全自评估报告.docx");
        Assert.Contains(files, f => f.GetProperty("path").GetString() == "documents/落实算法安全主体责任基本情况.docx");
        Assert.Contains(files, f => f.GetProperty("kind").GetString() == "uploaded" && f.GetProperty("path").GetString()!.EndsWith(".pdf"));
        Assert.Equal(files.Count + 1, zip.Entries.Count);
        foreach (var f in files)
        {
            var entry = zip.GetEntry(f.GetProperty("path").GetString()!)!;
            using var ms = new MemoryStream();
            entry.Open().CopyTo(ms);
            Assert.Equal(f.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(ms.ToArray())));
            Assert.Equal(f.GetProperty("size").GetInt32(), (int)ms.Length);
        }
        var uploaded = files.First(f => f.GetProperty("kind").GetString() == "uploaded");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), uploaded.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Only_the_owner_and_reviewers_of_submitted_filings_can_download()
    {
        var (_, api, id) = await FilingAsync();
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var otherApi = await app.ApiClientAsync(other.User);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/filings/{id}/documents/disclosure")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/filings/{id}/documents/package")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/filings/{id}/documents/other")).StatusCode);

        var reviewerApi = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewerApi.GetAsync($"/api/v1/review/filings/{id}/documents/disclosure")).StatusCode);
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        Assert.Equal(HttpStatusCode.OK, (await reviewerApi.GetAsync($"/api/v1/review/filings/{id}/documents/self-assessment")).StatusCode);
    }
}
