using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

/// <summary>An app with a 64 KB materials limit, to test the limit without 20 MB uploads.</summary>
public sealed class SmallLimitSqliteApp() : TestApp(Provider.Sqlite)
{
    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with { MaterialsMaxBytes = 64 * 1024 };
}

public abstract class MaterialTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, byte[] bytes, string name) =>
        await api.PostAsync("/api/v1/materials", new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } });

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("png", "image/png")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Accepted_types_are_stored_content_addressed_and_downloadable_by_the_owner(string kind, string contentType)
    {
        var bytes = kind switch
        {
            "pdf" => TestData.Pdf(Guid.NewGuid().ToString()),
            "jpeg" => TestData.Jpeg(),
            "png" => TestData.Png(),
            _ =>
            TestData.Docx(Guid.NewGuid().ToString())
        };
        var user = await app.CreateUserAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        // the name says .bin: the type comes from the content, not the extension
        var response = await UploadAsync(api, bytes, "../../etc/passwd\u0001.bin");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var m = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(contentType, m.GetProperty("contentType").GetString());
        Assert.Equal("passwd.bin", m.GetProperty("fileName").GetString()); // display name only; path parts and control characters dropped
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, m.GetProperty("sha256").GetString());
        var onDisk = Path.Combine(app.Options.MaterialsDirectory, sha[..2], sha[2..]);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(onDisk));
        Assert.Empty(Directory.GetFiles(app.Options.MaterialsDirectory, ".upload-*")); // no temp file left behind

        var download = await api.GetAsync($"/api/v1/materials/{m.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(contentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var cookie = await app.SignInAsync(user.Email!);
        var viaPage = await cookie.GetAsync($"/Materials/{m.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, viaPage.StatusCode);
        Assert.Equal(bytes, await viaPage.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Disguised_and_unknown_files_are_refused_with_a_Chinese_message_naming_the_file()
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        foreach (var (bytes, name) in new[] { (TestData.Executable(), "营业执照.pdf"), (TestData.PlainZip(), "承诺书.docx"),
                     ("hello"u8.ToArray(), "scan.png"), (Array.Empty<byte>(), "empty.pdf") })
        {
            var response = await UploadAsync(api, bytes, name);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
                .GetProperty("file")[0].GetString();
            Assert.Contains($"“{name}”", error);
        }
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/materials");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Same_content_is_stored_once()
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        var bytes = TestData.Pdf(Guid.NewGuid().ToString());
        var a = await (await UploadAsync(api, bytes, "a.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        var b = await (await UploadAsync(api, bytes, "b.pdf")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        var sha = a.GetProperty("sha256").GetString()!;
        Assert.Equal(sha, b.GetProperty("sha256").GetString());
        Assert.Single(Directory.GetFiles(Path.Combine(app.Options.MaterialsDirectory, sha[..2]), sha[2..]));
    }
}

public sealed class MaterialTestsSqlite(SqliteApp app) : MaterialTests<SqliteApp>(app);
public sealed class MaterialTestsPostgres(PostgresApp app) : MaterialTests<PostgresApp>(app);

public sealed class MaterialSizeLimitTests(SmallLimitSqliteApp app) : IClassFixture<SmallLimitSqliteApp>
{
    [Fact]
    public async Task Files_over_the_configured_limit_are_refused_via_api_and_page()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var big = TestData.Pdf(new string('x', 70 * 1024));
        var response = await api.PostAsync("/api/v1/materials",
            new MultipartFormDataContent { { new ByteArrayContent(big), "file", "big.pdf" } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("超过大小上限", await response.Content.ReadAsStringAsync());
        var small = await api.PostAsync("/api/v1/materials",
            new MultipartFormDataContent { { new ByteArrayContent(TestData.Pdf()), "file", "small.pdf" } });
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);

        var filer = await app.SignInAsync(user.Email!);
        var page = await filer.PostMultipartAsync("/Subjects", new() { ["Input.Name"] = "大文件有限公司" },
            [("Upload.BusinessLicenceScanId", "营业执照.pdf", big)], url: "/Subjects?handler=Save");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-valmsg-for=\"Upload.BusinessLicenceScanId\">文件“营业执照.pdf”超过大小上限", await page.Content.ReadAsStringAsync());
        Assert.Empty(Directory.GetFiles(app.Options.MaterialsDirectory, ".upload-*"));
    }

    [Fact]
    public void Sniffing_never_throws_on_truncated_or_corrupt_files()
    {
        var dir = Directory.CreateTempSubdirectory("suanbei-sniff").FullName;
        try
        {
            var docx = TestData.Docx();
            foreach (var bytes in new[] { docx[..(docx.Length / 2)], "PK\u0003\u0004garbage"u8.ToArray(), "%PD"u8.ToArray(),
                new byte[] { 0xFF } })
            {
                var path = Path.Combine(dir, Guid.NewGuid().ToString("N"));
                File.WriteAllBytes(path, bytes);
                Assert.Null(MaterialStore.Sniff(path));
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
