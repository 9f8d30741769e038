using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// The app with the shared registry lists and one filer whose filings are in every state a page shows: a published one
/// (public entry, documents), one waiting for review (reviewer queue and detail) and a draft (step pages); a generative-AI
/// filing in the national review queue and a filed one; a webhook whose deliveries fail (delivery log, notification
/// centre); and three evaluation runs against a model that never answers, two running and one waiting as 排队中.
/// </summary>
public sealed class SeededWebApp : IAsyncLifetime
{
    public const string Password = "responsive1";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly string _data = Path.Combine(Path.GetTempPath(), "suanbei-e2e-seeded-" + Guid.NewGuid().ToString("N")[..10]);
    private WebApplication _app = null!;
    // Accepts connections and never answers: the evaluation runs stay running (each request waits for its timeout).
    private readonly TcpListener _silentModel = new(IPAddress.Loopback, 0);

    public string BaseUrl { get; private set; } = "";
    public string FilerEmail { get; private set; } = "";
    public string ReviewerEmail { get; private set; } = "";
    public string AdminEmail { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid Published { get; private set; }
    public Guid InReview { get; private set; }
    public Guid Draft { get; private set; }
    public string PublishedNumber { get; private set; } = "";
    public Guid GenAiNational { get; private set; }
    public string QueuedRun { get; private set; } = "";
    public string RunningRun { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var options = new SuanbeiHostOptions
        {
            DataDirectory = _data, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false,
            EnvironmentName = "Production"
        };
        await RegistryWebApp.ImportSharedListsAsync(options);
        _app = SuanbeiWebHost.Build(options);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();

        await using var scope = _app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var now = DateTimeOffset.UtcNow;
        var filer = (await UserAdministration.CreateUserAsync(
            users, FilerEmail = $"filer-{Guid.NewGuid():N}"[..16] + "@example.cn", Roles.Filer, Password, now)).User;
        var reviewer = (await UserAdministration.CreateUserAsync(
            users, ReviewerEmail = $"rev-{Guid.NewGuid():N}"[..16] + "@example.cn", Roles.Reviewer, Password, now)).User;
        await UserAdministration.CreateUserAsync(users, AdminEmail = $"adm-{Guid.NewGuid():N}"[..16] + "@example.cn", Roles.Admin,
            Password, now);

        // An approved subject with one product, made through the domain objects the app uses.
        var db = sp.GetRequiredService<SuanbeiDbContext>();
        var material = await sp.GetRequiredService<MaterialStore>()
            .SaveAsync(db, filer.Id, "report.pdf", new MemoryStream(TestFiles.Pdf("report.pdf", "report").Buffer), now);
        var m = material.Id;
        var subject = new Subject(Guid.NewGuid(), filer.Id, now);
        subject.Update(new SubjectDetails
        {
            Name = "北京云雀智能科技有限公司", CreditCode = TestFiles.CreditCode(), RegionCode = "110108", Address = "北京市海淀区中关村大街1号",
            Website = "https://example.cn", MonthlyActiveUsers = 1000, CertificateType = "营业执照", CertificateAddress = "北京市海淀区",
            CertificateValidity = "长期", LegalRepName = "张三", LegalRepIdType = "居民身份证",
            LegalRepIdNumber = TestFiles.ResidentId("19800101", "123"),
            OfficerName = "李四", OfficerIdType = "居民身份证", OfficerIdNumber = TestFiles.ResidentId("19850202", "234"),
            OfficerMobile = "13800138000",
            OfficerEmail = "officer@example.cn", BusinessLicenceScanId = m, LegalRepIdScanId = m, OfficerIdScanId = m,
            OfficerEmploymentProofId = m, OfficerCommitmentId = m, FilingCommitmentId = m, ResponsibilityReportId = m,
        }, now);
        subject.Submit(filer.Id, now);
        subject.Approve("reviewer-fixture", now);
        db.Add(subject);
        SubjectId = subject.Id;
        var product = new Product(Guid.NewGuid(), subject.Id, filer.Id, new ProductDetails
        {
            Name = "云雀写作助手", Form = ProductForm.App, AccessAddress = "https://example.cn/app", IcpNumber = "京ICP备12345678号-1",
            AccessPath = ["打开云雀写作助手APP", "点击首页“智能续写”"],
        }, now);
        var function = product.AddFunction("智能续写", "根据用户输入续写文章", now);
        db.Add(product);
        ProductId = product.Id;
        await db.SaveChangesAsync();

        // A webhook whose address does not resolve: each event below is a failed, retried delivery in the log.
        var owner = new WebhookActor(filer.Id, filer.Id, filer.Email!, Suanbei.Core.Organisations.MemberRole.Owner);
        var hook = await sp.GetRequiredService<OrganisationWebhooks>().AddAsync(owner, "https://hooks.invalid/suanbei");
        if (hook.Outcome != WebhookOutcome.Done) throw new InvalidOperationException(hook.Error);

        // Filings through the API, as a client would.
        var filerApi = await ApiAsync(db, filer.Id);
        var reviewerApi = await ApiAsync(db, reviewer.Id);
        Published = await CompleteFilingAsync(filerApi, "云雀文本生成算法", m, product.Id, function.Id);
        await Ok(await filerApi.PostAsync($"/api/v1/filings/{Published}/submit", null));
        // 一审 and 二审 by different reviewers (separation of duties).
        var firstReviewer = (await UserAdministration.CreateUserAsync(
            users, $"rev1-{Guid.NewGuid():N}"[..16] + "@example.cn", Roles.Reviewer, Password, now)).User;
        var firstReviewerApi = await ApiAsync(db, firstReviewer.Id);
        await Ok(await reviewerApi.PostAsync($"/api/v1/review/filings/{Published}/start-first-review", null));
        await Ok(await firstReviewerApi.PostAsync($"/api/v1/review/filings/{Published}/pass-first-review", null));
        await Ok(await reviewerApi.PostAsync($"/api/v1/review/filings/{Published}/publish", null));
        PublishedNumber = (await Ok(await filerApi.GetAsync($"/api/v1/filings/{Published}"))).GetProperty("filingNumber").GetString()!;
        InReview = await CompleteFilingAsync(filerApi, "云雀图像生成算法", m, product.Id, function.Id);
        await Ok(await filerApi.PostAsync($"/api/v1/filings/{InReview}/submit", null));
        Draft = await CompleteFilingAsync(filerApi, "云雀推荐算法", m, product.Id, function.Id);

        // Generative AI: one filed (its number public), one passed by the province and waiting for the national review.
        var filed = await CompleteGenAiDraftAsync(filerApi, "云雀大模型", m, product.Id);
        await Ok(await filerApi.PostAsync($"/api/v1/genai-filings/{filed}/submit", null));
        await Ok(await reviewerApi.PostAsync($"/api/v1/review/genai-filings/{filed}/start-provincial-review", null));
        await Ok(await reviewerApi.PostAsJsonAsync($"/api/v1/review/genai-filings/{filed}/pass-provincial-review",
            new { reason = "初审通过" }, Json));
        await Ok(await reviewerApi.PostAsJsonAsync($"/api/v1/review/genai-filings/{filed}/approve",
            new { romanisedName = "YunQueDaMoXing" }, Json));
        GenAiNational = await CompleteGenAiDraftAsync(filerApi, "云雀对话助手", m, product.Id);
        await Ok(await filerApi.PostAsync($"/api/v1/genai-filings/{GenAiNational}/submit", null));
        await Ok(await reviewerApi.PostAsync($"/api/v1/review/genai-filings/{GenAiNational}/start-provincial-review", null));
        await Ok(await reviewerApi.PostAsJsonAsync($"/api/v1/review/genai-filings/{GenAiNational}/pass-provincial-review",
            new { reason = "材料齐全，报国家复审" }, Json));

        // Evaluation runs: one more than the node runs at once, so the last waits.
        _silentModel.Start();
        _app.Configuration[OutboundAddressGuard.AllowPrivateNetworksKey] = "true";
        var banks = await GenAiEvalRunBrowserTests.UploadBanksAsync(filerApi);
        var endpoint = $"http://127.0.0.1:{((IPEndPoint)_silentModel.LocalEndpoint).Port}/v1";
        var runs = new List<string>();
        for (var i = 0; i <= options.MaxConcurrentEvalRuns; i++)
            runs.Add((await Ok(await filerApi.PostAsJsonAsync("/api/v1/genai/evaluations", new
            {
                endpoint, model = $"云雀大模型-评估{i + 1}", contentBank = banks["content"], refuseBank = banks["refuse"],
                answerBank = banks["answer"], keywordBank = banks["keywords"], concurrency = 1,
                sampleContent = 20, sampleRefuse = 10, sampleAnswer = 10,
            }, Json))).GetProperty("id").GetString()!);
        (RunningRun, QueuedRun) = (runs[0], runs[^1]);
    }

    private static async Task<Guid> CompleteGenAiDraftAsync(HttpClient api, string name, Guid material, Guid productId)
    {
        var id = (await Ok(await api.PostAsync("/api/v1/genai-filings", null))).GetProperty("id").GetGuid();
        await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/form", new
        {
            modelName = name, modelVersion = "V1.0", functions = "Dialogue, TextGeneration", domainScope = "General", modelSource = "Own",
            corpusScale = "约 2 TB",
            corpusSources = new[] { new { source = "公开网络数据", sharePercent = 70 }, new { source = "自有数据", sharePercent = 30 } },
            corpusLanguages = "中文、英文", annotation = "按标注规则标注 20 万条", inferenceCompute = "推理集群 64 卡",
            serviceForms = new[] { "App" }, audience = "Both", userScale = "预计月活 50 万",
        }, Json));
        await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/products", new { productIds = new[] { productId } }, Json));
        foreach (var m in GenerativeAiRules.Current.Materials)
            await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/materials/{m.Key}", new { materialId = material }, Json));
        return id;
    }

    private async Task<HttpClient> ApiAsync(SuanbeiDbContext db, string userId)
    {
        var (_, plain) = await ApiToken.CreateAsync(db, userId, "e2e", DateTimeOffset.UtcNow);
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return client;
    }

    private static async Task<Guid> CompleteFilingAsync(HttpClient api, string name, Guid material, Guid productId, Guid functionId)
    {
        var id = (await Ok(await api.PostAsync("/api/v1/filings", null))).GetProperty("id").GetGuid();
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/basic", new
        {
            name, type = AlgorithmType.GenerationSynthesis, domain = "智能写作", launchDate = "2026-10-01", role = FilingRole.ServiceProvider,
            mainPurpose = "应用于智能写作场景，根据用户输入的主题生成文章。", selfAssessmentReportId = material, disclosureDocumentId = material,
        }, Json));
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/details", new
        {
            details = new
            {
                summary = "基于大模型的文本生成。", scenarios = "用户输入主题，生成文章草稿。", inputModalities = "Text", outputModalities = "Text",
                dataSources = "公开语料与授权出版物", usesBiometricData = false, usesIdentityData = false, modelAndTrainingData = "自研模型",
                strategy = "检索增强生成", risksAndSafeguards = "关键词过滤与人工复核", moderationFlow = "机器过滤后人工审核", logRetentionMonths = 6,
                complaintChannels = "应用内“设置—投诉举报”入口，48小时内处理反馈", regulatorCooperation = "安全负责人对接网信部门，按要求提供日志与技术协助",
                disclosurePrinciple = "基于大语言模型，根据用户输入的提示词生成文本。", disclosureMechanism = "输入经安全过滤后送入模型，结果经审核后返回。",
                disclosureScenarios = "写作辅助场景。", disclosurePurpose = "提升写作效率。",
            },
            labeling = new[] { new { modality = "Text", explicitMethod = "文末提示“本内容由AI生成”", implicitMethod = "元数据AIGC字段",
                exampleMaterialId = material } },
        }, Json));
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/products",
            new { products = new[] { new { productId, functionIds = new[] { functionId } } } }, Json));
        return id;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(
            $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _silentModel.Stop();
        try { Directory.Delete(_data, recursive: true); } catch { }
    }
}

/// <summary>
/// Every main page at a phone's width (390 px): nothing wider than the screen, the navigation behind a menu button.
/// Screenshots of each page at 1280 and 390 px go to artifacts/e2e/responsive/ for a person to look at.
/// </summary>
public class ResponsiveTests(Browser browser, SeededWebApp app) : IClassFixture<Browser>, IClassFixture<SeededWebApp>
{
    private const int Phone = 390, Desktop = 1280;
    private static readonly string Shots = Path.Combine(Browser.ArtifactsDirectory, "responsive");

    private async Task<IPage> SignedInPageAsync(int width, string? email)
    {
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 844 } });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return email is null ? await context.NewPageAsync()
            : await Browser.SignedInPageAsync(context, app.BaseUrl, email, SeededWebApp.Password);
    }

    private (string Name, string Url, string? As)[] Pages() =>
    [
        ("home", "/", null),
        ("login", "/Account/Login", null),
        ("register", "/Account/Register", null),
        ("registry-list", "/registry?q=" + Uri.EscapeDataString("智能"), null),
        ("registry-entry", "/registry/entry/" + Uri.EscapeDataString("网信算备110108823483901230031号"), null),
        ("registry-verify", "/registry/verify?number=" + Uri.EscapeDataString("网信算备110108823483901230031号"), null),
        ("registry-verify-wrong", "/registry/verify?number=" + Uri.EscapeDataString("网信算备110108823483901230032号"), null),
        ("registry-empty", "/registry?q=" + Uri.EscapeDataString("并不存在的词语甲乙丙") + "&province=11", null),
        ("registry-stats", "/registry/stats", null),
        ("assess", "/Assess", null),
        ("public-list", "/public", null),
        ("public-entry", "/public/" + Uri.EscapeDataString(app.PublishedNumber), null),
        ("not-found", "/no/such/page", null),
        ("labels", "/labels", app.FilerEmail),
        ("filings", "/Filings", app.FilerEmail),
        ("filing-step", $"/Filings/{app.Draft}/Details", app.FilerEmail),
        ("filing-view", $"/Filings/{app.Published}", app.FilerEmail),
        ("deadlines", "/Deadlines", app.FilerEmail),
        ("documents", $"/Filings/{app.Published}/Documents", app.FilerEmail),
        ("review-queue", "/Review/Filings", app.ReviewerEmail),
        ("review-detail", $"/Review/Filings/{app.InReview}", app.ReviewerEmail),
        ("subject", "/subjects", app.FilerEmail),
        ("products", "/products", app.FilerEmail),
        ("product-edit", $"/products/edit?id={app.ProductId}", app.FilerEmail),
        ("filing-basic", $"/filings/{app.Draft}/basic", app.FilerEmail),
        ("filing-products", $"/filings/{app.Draft}/products", app.FilerEmail),
        ("filing-confirm", $"/filings/{app.Draft}/confirm", app.FilerEmail),
        ("filing-check", $"/filings/{app.Draft}/check", app.FilerEmail),
        ("genai-filings", "/genai-filings", app.FilerEmail),
        ("notifications", "/notifications", app.FilerEmail),
        ("review-subjects", "/review/subjects", app.ReviewerEmail),
        ("review-subject", $"/review/subjects/detail?id={app.SubjectId}", app.ReviewerEmail),
        ("review-published", $"/review/filings/{app.Published}", app.ReviewerEmail),
        ("review-genai", "/review/genai-filings", app.ReviewerEmail),
        ("review-genai-national", "/review/genai-filings?level=National", app.ReviewerEmail),
        ("review-genai-detail", $"/review/genai-filings/{app.GenAiNational}", app.ReviewerEmail),
        ("public-genai", "/public/genai", null),
        ("deliveries", "/notifications/deliveries", app.FilerEmail),
        ("webhooks", "/notifications/webhooks", app.FilerEmail),
        ("eval-runs", "/genai/runs", app.FilerEmail),
        ("eval-run-running", $"/genai/runs/{app.RunningRun}", app.FilerEmail),
        ("eval-run-queued", $"/genai/runs/{app.QueuedRun}", app.FilerEmail),
        ("admin-users", "/admin/users", app.AdminEmail),
    ];

    [Fact]
    public async Task Every_main_page_fits_a_390_px_screen()
    {
        Directory.CreateDirectory(Shots);
        var tooWide = new List<string>();
        var widths = new List<string>();
        foreach (var group in Pages().GroupBy(p => p.As))
        {
            var phone = await SignedInPageAsync(Phone, group.Key);
            var desktop = await SignedInPageAsync(Desktop, group.Key);
            foreach (var (name, url, _) in group)
            {
                await desktop.GotoAsync(app.BaseUrl + url);
                await desktop.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{Desktop}.png"), FullPage = true });
                var response = await phone.GotoAsync(app.BaseUrl + url);
                Assert.True(response!.Status < 400 || name == "not-found", $"{url}: {response.Status}");
                if (name is not ("login" or "register")) Assert.DoesNotContain("/account/", phone.Url); // signed in, allowed
                // Measured before the full-page screenshot, which resizes the viewport while it captures.
                var width = await phone.EvaluateAsync<int>("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
                widths.Add($"{name}\t{url}\t{width}");
                if (width > Phone) tooWide.Add($"{name} ({url}): {width} px");
                await phone.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{Phone}.png"), FullPage = true });
            }
            await phone.Context.CloseAsync();
            await desktop.Context.CloseAsync();
        }
        await File.WriteAllLinesAsync(Path.Combine(Shots, "widths.tsv"), widths);
        Assert.True(tooWide.Count == 0, "wider than 390 px: " + string.Join("; ", tooWide));
    }

    [Fact]
    public async Task Queues_show_one_card_per_row_on_a_phone_instead_of_a_table_that_scrolls_sideways()
    {
        // Each row a block of its own, and no table wider than its box (which would scroll sideways).
        const string Cards = """
            sel => { const t = document.querySelector(sel); const rows = [...t.querySelectorAll('tbody tr')]
              .filter(r => !r.querySelector('th'));
              return rows.length > 0 && rows.every(r => getComputedStyle(r).display === 'block') && t.scrollWidth <= t.clientWidth; }
            """;
        foreach (var (email, url, table) in new[]
                 {
                     (app.ReviewerEmail, "/review/subjects", "[data-testid=review-subjects]"),
                     (app.ReviewerEmail, "/review/genai-filings?level=National", "[data-testid=genai-review-queue]"),
                     (app.FilerEmail, "/genai/runs", "[data-testid=eval-runs]"),
                     (app.FilerEmail, "/notifications/deliveries", "[data-testid=deliveries]"),
                 })
        {
            var phone = await SignedInPageAsync(Phone, email);
            await phone.GotoAsync(app.BaseUrl + url);
            Assert.True(await phone.EvaluateAsync<bool>(Cards, table), $"{url}: {table} is not one card per row");
            await phone.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_run_beyond_the_nodes_cap_says_it_waits()
    {
        var page = await SignedInPageAsync(Desktop, app.FilerEmail);
        await page.GotoAsync($"{app.BaseUrl}/genai/runs/{app.QueuedRun}");
        Assert.Equal("排队中", (await page.TextContentAsync("[data-testid=eval-status]"))!.Trim());
        Assert.Contains("按发起顺序自动开始", await page.TextContentAsync("[data-testid=eval-queued]"));
        Assert.True(await page.IsVisibleAsync("[data-testid=eval-stop]"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_navigation_collapses_behind_a_menu_button_on_a_phone()
    {
        var phone = await SignedInPageAsync(Phone, app.FilerEmail);
        await phone.GotoAsync(app.BaseUrl + "/");
        Assert.False(await phone.IsVisibleAsync("[data-testid=nav-filings]"));
        await phone.ClickAsync("[data-testid=nav-menu]");
        Assert.True(await phone.IsVisibleAsync("[data-testid=nav-filings]"));
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "responsive-menu-open.png") });
        await phone.RunAndWaitForNavigationAsync(() => phone.ClickAsync("[data-testid=nav-filings]"));
        Assert.EndsWith("/filings", phone.Url);
        await phone.Context.CloseAsync();

        var desktop = await SignedInPageAsync(Desktop, app.FilerEmail);
        await desktop.GotoAsync(app.BaseUrl + "/");
        Assert.True(await desktop.IsVisibleAsync("[data-testid=nav-filings]"));
        Assert.False(await desktop.IsVisibleAsync("[data-testid=nav-menu]"));
        await desktop.Context.CloseAsync();
    }

    [Fact]
    public async Task The_404_page_is_a_chinese_page_with_ways_back()
    {
        var page = await SignedInPageAsync(Desktop, null);
        await page.GotoAsync(app.BaseUrl + "/registry");
        var response = await page.GotoAsync(app.BaseUrl + "/public/" + Uri.EscapeDataString("网信算备110108000000001260019号"));
        Assert.Equal(404, response!.Status);
        Assert.Equal("页面不存在", (await page.TextContentAsync("[data-testid=status-title]"))?.Trim());
        Assert.Contains("网信算备110108000000001260019号", await page.TextContentAsync("[data-testid=error-message]") ?? "");
        Assert.True(await page.IsVisibleAsync("[data-testid=nav-home]")); // the site's header: it is a page of the site
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ArtifactsDirectory, "status-404.png"), FullPage = true });
        // 返回上一页 goes back to where the person came from.
        await page.ClickAsync("[data-testid=status-back]");
        await page.WaitForURLAsync("**/registry");
        // 核验此编号 leads to the verify page for that number.
        await page.GoForwardAsync();
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("text=核验此编号"));
        Assert.Contains("/registry/verify", page.Url);
        await page.Context.CloseAsync();
    }
}
