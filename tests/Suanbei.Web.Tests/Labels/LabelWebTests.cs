using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Suanbei.Labels;
using Suanbei.Testing;
using Suanbei.Web.Features.Labels;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Labels;

/// <summary>
/// The app with small limits: materials 16 KB (so the host's global body limit is about 1 MB) and the label tool 2 MB,
/// which shows the label endpoints raise their own limit and refuse more than theirs with a clear message.
/// SQLite only: the label feature keeps nothing in the database (only sign-in and API tokens use it).
/// </summary>
public sealed class LabelsApp() : TestApp(Provider.Sqlite)
{
    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) =>
        o with { MaterialsMaxBytes = 16 * 1024, LabelsMaxBytes = 2 * 1024 * 1024 };
}

/// <summary>标识核验 on the web: the page (verify, write, propagate) and POST /api/v1/labels/*, with real images made by
/// ImageMagick and labelled by Suanbei.Labels.</summary>
public sealed class LabelWebTests(LabelsApp app) : IClassFixture<LabelsApp>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-label-web").FullName;
    private static readonly string Producer = ProducerCode.Build(TestData.CreditCode());
    private static readonly string Propagator = ProducerCode.Build(TestData.CreditCode(), "2AB01");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A real image made by ImageMagick (<paramref name="ext"/> png or jpg).</summary>
    private string Image(string ext)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + "." + ext);
        ExternalTool.RunChecked("convert", "-size", "64x48", "gradient:red-blue", path);
        return path;
    }

    private string Labelled(string ext, string produceId = "img-0001")
    {
        var plain = Image(ext);
        var labelled = Path.Combine(_dir, Guid.NewGuid().ToString("N") + "." + ext);
        LabelFile.Write(plain, labelled, AigcLabel.ForProducer(Producer, produceId));
        return labelled;
    }

    /// <summary>The work folder holds no upload or output once requests are done.</summary>
    private void AssertWorkFolderEmpty()
    {
        var dir = app.Options.LabelsWorkDirectory;
        Assert.True(!Directory.Exists(dir) || Directory.GetFiles(dir).Length == 0,
            "left in the work folder: " + string.Join(", ", Directory.Exists(dir) ? Directory.GetFiles(dir) : []));
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields,
        params (string Field, string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        foreach (var (f, n, b) in files) content.Add(new ByteArrayContent(b), f, n);
        return content;
    }

    private static async Task<string> TempFileAsync(HttpResponseMessage response, string dir, string ext)
    {
        var path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ext);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Fact]
    public async Task Page_shows_a_verdict_per_file_with_labels_fields_and_problems()
    {
        var (_, client) = await app.SignedInAsync(Roles.Filer);
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"nav-labels\"", home);

        var labelled = await File.ReadAllBytesAsync(Labelled("png", "web-ok-42"));
        var plain = await File.ReadAllBytesAsync(Image("jpg"));
        var response = await client.PostMultipartAsync("/labels", [],
            [("Files", "合规图片.png", labelled), ("Files", "<i>无标识.jpg", plain),
                ("Files", "notes.bin", "just bytes, no container"u8.ToArray())],
            url: "/labels?handler=Verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var rows = html.Split("data-testid=\"labels-result\"")[1..];
        Assert.Equal(3, rows.Length);
        Assert.Contains("合规图片.png", rows[0]);
        Assert.Contains("data-verdict=\"compliant\">合规<", rows[0]);
        Assert.Contains("<code data-testid=\"labels-result-placement\">png/iTXt/XMP</code>", rows[0]);
        Assert.Contains($"<dd data-field=\"ContentProducer\">{Producer}</dd>", rows[0]);
        Assert.Contains("<dd data-field=\"ProduceID\">web-ok-42</dd>", rows[0]);
        Assert.Contains("<dd data-field=\"Label\">1</dd>", rows[0]);

        Assert.Contains("&lt;i&gt;无标识.jpg", rows[1]); // the user's name is only displayed, encoded
        Assert.DoesNotContain("<i>无标识", html);
        Assert.Contains("data-verdict=\"not_found\">未发现标识<", rows[1]);

        Assert.Contains("data-verdict=\"inconclusive\">无法判定<", rows[2]);
        Assert.Contains("<code>unsupported_format</code>", rows[2]);
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Page_shows_a_noncompliant_label_with_its_problem_code_and_Chinese_message()
    {
        var (_, client) = await app.SignedInAsync(Roles.Reviewer); // any signed-in user, not only filers
        var plain = Image("png");
        var bad = Path.Combine(_dir, "bad.png");
        LabelFile.Write(plain, bad, AigcLabel.ForProducer("0011" + "123456789012345678" + "00000", "x"), validate: false);
        var response = await client.PostMultipartAsync("/labels", [], [("Files", "bad.png", await File.ReadAllBytesAsync(bad))],
            url: "/labels?handler=Verify");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"noncompliant\">不合规<", html);
        var expected = LabelFile.Verify(bad).Problems;
        Assert.NotEmpty(expected);
        foreach (var p in expected) Assert.Contains($"<code>{p.Code}</code> {System.Net.WebUtility.HtmlEncode(p.Message)}",
            html.Replace("&#x201C;", "“").Replace("&#x201D;", "”"));
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_sign_in_and_the_api_needs_a_token()
    {
        var anonymous = app.Client();
        var page = await anonymous.GetAsync("/labels");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        var api = await anonymous.PostAsync("/api/v1/labels/verify",
            Multipart([], ("files", "a.png", await File.ReadAllBytesAsync(Image("png")))));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Page_posts_without_the_antiforgery_token_are_refused()
    {
        var (_, client) = await app.SignedInAsync(Roles.Filer);
        await client.GetStringAsync("/labels"); // has the antiforgery cookie, but the form token is missing
        var response = await client.PostAsync("/labels?handler=Verify",
            Multipart([], ("Files", "a.png", await File.ReadAllBytesAsync(Labelled("png")))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var write = await client.PostAsync("/labels?handler=Write",
            Multipart(new() { ["Write.Producer"] = Producer, ["Write.ProduceId"] = "x" },
            ("Write.File", "a.png", await File.ReadAllBytesAsync(Image("png")))));
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Api_verify_returns_the_contract_objects_of_every_file()
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        var files = new[] { (Name: "a.png", Path: Labelled("png")), (Name: "照片.jpg", Path: Image("jpg")),
            (Name: "b.jpg", Path: Labelled("jpg", "jpeg-7")) };
        var response = await api.PostAsync("/api/v1/labels/verify",
            Multipart([], files.Select(f => ("files", f.Name, File.ReadAllBytes(f.Path))).ToArray()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(files.Length, body.GetArrayLength());
        for (var i = 0; i < files.Length; i++)
            Assert.Equal(ReportJson.ToJsonLine(files[i].Name, LabelFile.Verify(files[i].Path)), body[i].GetRawText());
        Assert.Equal("compliant", body[0].GetProperty("verdict").GetString());
        Assert.Equal("not_found", body[1].GetProperty("verdict").GetString());
        Assert.Equal("jpeg-7", body[2].GetProperty("labels")[0].GetProperty("fields").GetProperty("ProduceID").GetString());

        var none = await api.PostAsync("/api/v1/labels/verify", Multipart(new() { ["x"] = "y" }));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("files", await none.Content.ReadAsStringAsync());
        AssertWorkFolderEmpty();
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    public async Task Api_write_returns_the_same_container_labelled_compliant(string ext)
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        var plain = await File.ReadAllBytesAsync(Image(ext));
        var response = await api.PostAsync("/api/v1/labels/write",
            Multipart(new() { ["producer"] = Producer, ["produceId"] = "api-write-1", ["label"] = "2" }, ("file", "生成图." + ext, plain)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("生成图-labeled." + ext, response.Content.Headers.ContentDisposition?.FileNameStar);
        var path = await TempFileAsync(response, _dir, "." + ext);
        var report = LabelFile.Verify(path);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(ext == "png" ? "png" : "jpeg", report.Format);
        var label = report.Labels.Single().Label!;
        Assert.Equal((Producer, "api-write-1", "2"), (label.ContentProducer, label.ProduceID, label.Label));
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Api_write_refuses_bad_fields_with_400_naming_the_field()
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        var png = await File.ReadAllBytesAsync(Image("png"));
        var bad = await api.PostAsync("/api/v1/labels/write",
            Multipart(new() { ["producer"] = "12345", ["produceId"] = "has space", ["label"] = "4" }, ("file", "a.png", png)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var producer = errors.GetProperty("producer")[0].GetString()!;
        Assert.Contains("ContentProducer", producer);
        Assert.Contains(ProducerCode.Validate("12345")!, producer); // the toolkit's own message
        Assert.Contains("ProduceID", errors.GetProperty("produceId")[0].GetString());
        Assert.Contains("Label", errors.GetProperty("label")[0].GetString());

        var unknown = await api.PostAsync("/api/v1/labels/write",
            Multipart(new() { ["producer"] = Producer, ["produceId"] = "x" }, ("file", "a.bin", "no container"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("无法识别的文件格式", await unknown.Content.ReadAsStringAsync()); // the LabelWriteException message

        var missing = await api.PostAsync("/api/v1/labels/propagate",
            Multipart(new() { ["propagator"] = "001", ["propagateId"] = "p" }, ("file", "a.png", png)));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("ContentPropagator", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .GetProperty("propagator")[0].GetString());
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Api_propagate_classifies_and_writes_the_propagator_fields()
    {
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        async Task<HttpResponseMessage> Propagate(string path, string name, bool declared) =>
            await api.PostAsync("/api/v1/labels/propagate",
                Multipart(new() { ["propagator"] = Propagator, ["propagateId"] = "share-9", ["declared"] = declared ? "true" : "false" },
                ("file", name, await File.ReadAllBytesAsync(path))));

        var belongs = await Propagate(Labelled("png", "orig-1"), "a.png", false);
        Assert.Equal(HttpStatusCode.OK, belongs.StatusCode);
        Assert.Equal("belongs", belongs.Headers.GetValues("X-Suanbei-Classification").Single());
        var label = LabelFile.Verify(await TempFileAsync(belongs, _dir, ".png")).Labels.Single().Label!;
        Assert.Equal((Producer, "orig-1", "1", Propagator, "share-9"),
            (label.ContentProducer, label.ProduceID, label.Label, label.ContentPropagator, label.PropagateID));

        var declared = await Propagate(Image("jpg"), "b.jpg", true);
        Assert.Equal("declared", declared.Headers.GetValues("X-Suanbei-Classification").Single());
        var declaredPath = await TempFileAsync(declared, _dir, ".jpg");
        Assert.Equal(Verdict.Compliant, LabelFile.Verify(declaredPath).Verdict);
        Assert.Equal("2", LabelFile.Verify(declaredPath).Labels.Single().Label!.Label);

        var nothing = await Propagate(Image("jpg"), "c.jpg", false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("未发现隐式标识", await nothing.Content.ReadAsStringAsync());
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Page_write_downloads_the_labelled_file_and_shows_field_errors_in_Chinese()
    {
        var (_, client) = await app.SignedInAsync(Roles.Filer);
        var plain = await File.ReadAllBytesAsync(Image("jpg"));
        var bad = await client.PostMultipartAsync("/labels", new() { ["Write.Producer"] = "0011ABC", ["Write.ProduceId"] = "id-1" },
            [("Write.File", "p.jpg", plain)], url: "/labels?handler=Write");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Write.Producer\">ContentProducer（生成服务提供者代码）不合规：代码应为27位", html);
        Assert.Contains("value=\"id-1\"", html); // input kept

        var ok = await client.PostMultipartAsync("/labels",
            new() { ["Write.Producer"] = Producer, ["Write.ProduceId"] = "page-1", ["Write.Label"] = "1" },
            [("Write.File", "图.jpg", plain)], url: "/labels?handler=Write");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("图-labeled.jpg", ok.Content.Headers.ContentDisposition?.FileNameStar);
        var report = LabelFile.Verify(await TempFileAsync(ok, _dir, ".jpg"));
        Assert.Equal((Verdict.Compliant, "page-1"), (report.Verdict, report.Labels.Single().Label!.ProduceID));
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Propagating_an_already_labelled_file_does_not_double_the_name()
    {
        Assert.Equal("图-labeled.png", LabelWorkspace.LabelledName("图-labeled.png"));
        Assert.Equal("图-labeled.png", LabelWorkspace.LabelledName("图-labeled-labeled.png"));
        Assert.Equal("图-labeled.png", LabelWorkspace.LabelledName("图.png"));

        // Written once (download: 收到的-labeled.png), then propagated by a platform: still one suffix.
        var api = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Filer));
        var written = await api.PostAsync("/api/v1/labels/write", Multipart(new() { ["producer"] = Producer, ["produceId"] = "twice" },
            ("file", "收到的.png", await File.ReadAllBytesAsync(Image("png")))));
        Assert.Equal("收到的-labeled.png", written.Content.Headers.ContentDisposition?.FileNameStar);
        var propagated = await api.PostAsync("/api/v1/labels/propagate",
            Multipart(new() { ["propagator"] = Propagator, ["propagateId"] = "share-2" },
            ("file", written.Content.Headers.ContentDisposition!.FileNameStar!, await written.Content.ReadAsByteArrayAsync())));
        Assert.Equal(HttpStatusCode.OK, propagated.StatusCode);
        Assert.Equal("收到的-labeled.png", propagated.Content.Headers.ContentDisposition?.FileNameStar);
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Page_builds_the_content_producer_code_from_a_credit_code_without_script()
    {
        var (_, client) = await app.SignedInAsync(Roles.Filer);
        var credit = TestData.CreditCode();
        var built = await client.PostFormAsync("/labels",
            new() { ["Builder.CreditCode"] = credit.ToLowerInvariant(), ["Builder.Extension"] = "1xgw3" }, "/labels?handler=Producer");
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        var html = WebUtility.HtmlDecode(await built.Content.ReadAsStringAsync());
        var code = "0011" + credit + "1XGW3";
        Assert.Equal(27, code.Length);
        Assert.Contains($"data-testid=\"builder-code\">{code}<", html);
        Assert.Contains($"id=\"Write_Producer\" name=\"Write.Producer\" value=\"{code}\"", html); // filled into the write form
        Assert.True(ProducerCode.IsValid(code));

        // For a propagation platform the code goes into the propagate form.
        var forPlatform = WebUtility.HtmlDecode(await (await client.PostFormAsync("/labels",
            new() { ["Builder.CreditCode"] = credit, ["Builder.Target"] = "propagator" }, "/labels?handler=Producer"))
                .Content.ReadAsStringAsync());
        Assert.Contains($"id=\"Propagate_Propagator\" name=\"Propagate.Propagator\" value=\"0011{credit}00000\"", forPlatform);

        // A credit code whose check character is wrong, and a bad extension: a Chinese message next to the field.
        var wrong = credit[..17] + (credit[17] == '0' ? '1' : '0');
        var bad = WebUtility.HtmlDecode(await (await client.PostFormAsync(
            "/labels", new() { ["Builder.CreditCode"] = wrong }, "/labels?handler=Producer")).Content.ReadAsStringAsync());
        Assert.Matches("data-valmsg-for=\"Builder.CreditCode\">统一社会信用代码[^<]*校验", bad);
        Assert.Contains($"value=\"{wrong}\"", bad); // input kept
        var badExt = WebUtility.HtmlDecode(await (await client.PostFormAsync(
            "/labels", new() { ["Builder.CreditCode"] = credit, ["Builder.Extension"] = "3ABC" }, "/labels?handler=Producer"))
            .Content.ReadAsStringAsync());
        Assert.Contains("data-valmsg-for=\"Builder.Extension\">服务扩展码应为5位", badExt);
    }

    [Fact]
    public async Task Page_propagate_shows_the_classification_and_offers_the_file_once_to_its_owner()
    {
        var (_, client) = await app.SignedInAsync(Roles.Filer);
        var response = await client.PostMultipartAsync("/labels",
            new() { ["Propagate.Propagator"] = Propagator, ["Propagate.PropagateId"] = "page-share", ["Propagate.Declared"] = "true" },
            [("Propagate.File", "收到的.png", await File.ReadAllBytesAsync(Image("png")))], url: "/labels?handler=Propagate");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-class=\"declared\">可能为AI生成<", html);
        Assert.Contains($"<dd data-field=\"ContentPropagator\">{Propagator}</dd>", html);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/labels/download/[0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(link);

        var (_, other) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode); // another account's output "does not exist"

        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("收到的-labeled.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        var label = LabelFile.Verify(await TempFileAsync(download, _dir, ".png")).Labels.Single().Label!;
        Assert.Equal(("2", "page-share"), (label.Label, label.PropagateID));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode); // once
        AssertWorkFolderEmpty();

        var nothing = await client.PostMultipartAsync("/labels",
            new() { ["Propagate.Propagator"] = Propagator, ["Propagate.PropagateId"] = "p2" },
            [("Propagate.File", "plain.png", await File.ReadAllBytesAsync(Image("png")))], url: "/labels?handler=Propagate");
        var nothingHtml = await nothing.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"labels-propagated-reason\">未发现隐式标识", nothingHtml);
        Assert.DoesNotContain("/labels/download/", nothingHtml);
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task Uploads_over_the_label_limit_get_a_clear_error_while_larger_than_materials_ones_pass()
    {
        var (user, client) = await app.SignedInAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var big = new byte[2 * 1024 * 1024 + 300 * 1024]; // over the 2 MB label limit, within the envelope Kestrel allows
        Random.Shared.NextBytes(big);
        var page = await client.PostMultipartAsync("/labels", [], [("Files", "big.bin", big)], url: "/labels?handler=Verify");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var pageHtml = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Files\">上传内容超过大小上限 2 MB", pageHtml);
        Assert.Contains($"data-max-bytes=\"{2 * 1024 * 1024}\"", pageHtml); // site.js stops such uploads in the browser
        var viaApi = await api.PostAsync("/api/v1/labels/verify", Multipart([], ("files", "big.bin", big)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, viaApi.StatusCode);
        Assert.Contains("超过大小上限 2 MB", await viaApi.Content.ReadAsStringAsync());

        // A declared length over the limit plus the envelope is answered before the body is read.
        var huge = new byte[3 * 1024 * 1024 + 512 * 1024];
        // (Expect: 100-continue, as curl sends for large bodies: the client waits, so it sees the answer instead of a closed connection.)
        var hugeRequest = new HttpRequestMessage(HttpMethod.Post,
            "/api/v1/labels/verify")
        { Content = Multipart([], ("files", "huge.bin", huge)) };
        hugeRequest.Headers.ExpectContinue = true;
        var hugeApi = await api.SendAsync(hugeRequest);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeApi.StatusCode);
        Assert.Contains("超过大小上限 2 MB", await hugeApi.Content.ReadAsStringAsync());

        // 1.5 MB is over the host's materials-sized body limit (~1 MB here) but within the label tool's.
        var medium = big[..(1536 * 1024)];
        var ok = await api.PostAsync("/api/v1/labels/verify", Multipart([], ("files", "medium.bin", medium)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("inconclusive", JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement[0].GetProperty("verdict")
            .GetString());
        var okPage = await client.PostMultipartAsync("/labels", [], [("Files", "medium.bin", medium)], url: "/labels?handler=Verify");
        Assert.Contains("data-verdict=\"inconclusive\"", await okPage.Content.ReadAsStringAsync());
        AssertWorkFolderEmpty();
    }

    [Fact]
    public async Task The_three_endpoints_are_in_the_OpenAPI_document_under_their_tag()
    {
        var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        foreach (var op in new[] { "verify", "write", "propagate" })
        {
            var post = doc.GetProperty("paths").GetProperty("/api/v1/labels/" + op).GetProperty("post");
            Assert.Equal("标识核验", post.GetProperty("tags")[0].GetString());
            Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _), op);
        }
        Assert.False(doc.GetProperty("paths").TryGetProperty("/labels/download/{token}", out _));
    }

    [Fact]
    public void Files_left_in_the_work_folder_by_an_earlier_process_are_removed_at_start()
    {
        var options = new SuanbeiHostOptions { DataDirectory = Path.Combine(_dir, "data") };
        Directory.CreateDirectory(options.LabelsWorkDirectory);
        var orphan = Path.Combine(options.LabelsWorkDirectory, "old.png");
        var recent = Path.Combine(options.LabelsWorkDirectory, "recent.png");
        File.WriteAllText(orphan, "x");
        File.WriteAllText(recent, "y");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-3));
        _ = new Suanbei.Web.Features.Labels.LabelWorkspace(options, TimeProvider.System);
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(recent)); // may belong to a request of another process using the same folder
    }

    [Fact]
    public void The_upload_limit_is_read_from_configuration_and_bad_values_name_the_key()
    {
        IConfigurationRoot Config(string value) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Suanbei:Labels:MaxUploadMb"] = value }).Build();
        Assert.Equal(50L * 1024 * 1024, new SuanbeiHostOptions().WithConfiguration(Config("50")).LabelsMaxBytes);
        var e = Assert.Throws<InvalidOperationException>(() => new SuanbeiHostOptions().WithConfiguration(Config("lots")));
        Assert.Contains("Suanbei:Labels:MaxUploadMb", e.Message);
        Assert.Equal(SuanbeiHostOptions.DefaultLabelsMaxBytes, new SuanbeiHostOptions().WithConfiguration(Config("")).LabelsMaxBytes);
    }
}
