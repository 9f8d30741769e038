using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.GenAiFilings;

/// <summary>The generative-AI filing through /api/v1/genai-filings on SQLite and PostgreSQL: both kinds, both levels, isolation.</summary>
public abstract class GenAiFilingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    public static object Form(string source, string name = "测试智能") => new
    {
        modelName = name, modelVersion = "V1.0", functions = "Dialogue, TextGeneration", domainScope = "General", modelSource = source,
        filedModelName = source == "CallsFiledModel" ? "文心一言" : null,
        filedModelNumber = source == "CallsFiledModel" ? "Beijing-WenXinYiYan-20230821" : null,
        corpusScale = "约 2 TB",
        corpusSources = new[] { new { source = "公开网络数据", sharePercent = 70 }, new { source = "自有数据", sharePercent = 30 } },
        corpusLanguages = "中文、英文", annotation = "按标注规则标注 20 万条", inferenceCompute = "推理集群 64 卡",
        serviceForms = new[] { "App" }, audience = "Both", userScale = "预计月活 50 万",
    };

    /// <summary>Creates a complete draft through the filer's API client; returns its id.</summary>
    public static async Task<Guid> CompleteDraftAsync(HttpClient api, Filer f, string source, string name = "测试智能")
    {
        var created = await Ok(await api.PostAsync("/api/v1/genai-filings", null), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/form", Form(source, name), Json));
        await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/products", new { productIds = new[] { f.ProductId } }, Json));
        foreach (var m in GenerativeAiRules.Current.Materials)
            await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{id}/materials/{m.Key}", new { materialId = f.MaterialId }, Json));
        return id;
    }

    private static bool InQueue(JsonElement queue, Guid id) => queue.EnumerateArray().Any(e => e.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task A_filing_passes_the_provincial_then_the_national_review_and_receives_its_number()
    {
        var filer = await ApprovedFilerAsync(app, "110108", "北京测试智能有限公司");
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));

        // An incomplete draft answers 422 with the missing fields keyed by field, in Chinese.
        var draft = (await Ok(await api.PostAsync("/api/v1/genai-filings", null), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await api.PutAsJsonAsync($"/api/v1/genai-filings/{draft}/form", new { modelName = "半成品" }, Json));
        var incomplete = await api.PostAsync($"/api/v1/genai-filings/{draft}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("模型版本", errors.GetProperty("modelVersion")[0].GetString());
        Assert.Contains("关键词拦截列表", errors.GetProperty("keywordBlockList")[0].GetString());
        // Bad input is refused with the field named, and the saved form is kept.
        var bad = await api.PutAsJsonAsync($"/api/v1/genai-filings/{draft}/form",
            new { modelName = "半成品", filedModelNumber = "Beijing-X-20231399" }, Json);
        Assert.Equal(HttpStatusCode.Conflict, bad.StatusCode);
        Assert.Contains("所用已备案模型备案号", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("半成品", (await Ok(await api.GetAsync($"/api/v1/genai-filings/{draft}"))).GetProperty("form")
            .GetProperty("modelName").GetString());

        var id = await CompleteDraftAsync(api, filer, "Own");
        var submitted = await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null));
        Assert.Equal(("Filing", "Submitted", "北京市"), (submitted.GetProperty("kind").GetString(), submitted.GetProperty("status")
            .GetString(), submitted.GetProperty("province").GetString()));

        // Queues by level and province.
        Assert.True(InQueue(await Ok(await reviewer.GetAsync("/api/v1/review/genai-filings?level=Provincial&province=北京市")), id));
        Assert.False(InQueue(await Ok(await reviewer.GetAsync("/api/v1/review/genai-filings?level=Provincial&province=广东省")), id));
        Assert.False(InQueue(await Ok(await reviewer.GetAsync("/api/v1/review/genai-filings?level=National")), id));

        // The filer cannot review; an approval before the reviews is refused with a Chinese message.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/review/genai-filings/{id}/approve", null)).StatusCode);
        var early = await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/approve", new { romanisedName = "CeShi" }, Json);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("已提交", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await Ok(await reviewer.PostAsync($"/api/v1/review/genai-filings/{id}/start-provincial-review", null));
        await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/pass-provincial-review",
            new { reason = "初审通过" }, Json));
        Assert.True(InQueue(await Ok(await reviewer.GetAsync("/api/v1/review/genai-filings?level=National")), id));
        var approved = await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/approve",
            new { romanisedName = "CeShiZhiNeng" }, Json));
        Assert.Equal("Filed", approved.GetProperty("status").GetString());
        Assert.Matches($@"^Beijing-CeShiZhiNeng-{ChinaTime.Date(DateTimeOffset.UtcNow):yyyyMMdd}\d{{4}}$",
            approved.GetProperty("number").GetString());

        var audit = await Ok(await api.GetAsync($"/api/v1/genai-filings/{id}/audit"));
        Assert.Equal(["提交", "属地受理", "属地初审通过，报国家复审", "审核通过"],
            audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_registration_is_decided_by_the_province_alone()
    {
        var filer = await ApprovedFilerAsync(app, "110108", "北京登记测试有限公司");
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteDraftAsync(api, filer, "CallsFiledModel", "编应");
        Assert.Equal("Registration", (await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null))).GetProperty("kind")
            .GetString());
        await Ok(await reviewer.PostAsync($"/api/v1/review/genai-filings/{id}/start-provincial-review", null));
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"/api/v1/review/genai-filings/{id}/pass-provincial-review", null))
            .StatusCode);
        var approved = await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/approve",
            new { romanisedName = "BianYing" }, Json));
        Assert.Equal("Registered", approved.GetProperty("status").GetString());
        Assert.Matches(@"^Beijing-BianYing-\d{8}S\d{4}$", approved.GetProperty("number").GetString());
    }

    [Fact]
    public async Task The_national_review_returns_with_per_field_reasons_and_refusal_needs_a_reason()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteDraftAsync(api, filer, "FineTuned");
        await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null));
        await Ok(await reviewer.PostAsync($"/api/v1/review/genai-filings/{id}/start-provincial-review", null));
        await Ok(await reviewer.PostAsync($"/api/v1/review/genai-filings/{id}/pass-provincial-review", null));
        var returned = await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/return",
            new { reasons = new[] { new { field = "corpusScale", reason = "请写明语料条数" } } }, Json));
        Assert.Equal("Draft", returned.GetProperty("status").GetString());
        var reason = returned.GetProperty("returnReasons")[0];
        Assert.Equal(("CorpusScale", "训练语料规模", "请写明语料条数"),
            (reason.GetProperty("field").GetString(), reason.GetProperty("label").GetString(), reason.GetProperty("reason").GetString()));
        await Ok(await api.PostAsync($"/api/v1/genai-filings/{id}/submit", null));
        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/refuse", new { reason = " " }, Json);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        var refused = await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/genai-filings/{id}/refuse",
            new { reason = "语料来源不合规" }, Json));
        Assert.Equal(("Refused", "语料来源不合规"), (refused.GetProperty("status").GetString(), refused.GetProperty("refusalReason").GetString()));
    }

    [Fact]
    public async Task Another_account_can_neither_see_nor_change_a_filing_through_the_api_or_the_pages()
    {
        var owner = await ApprovedFilerAsync(app);
        var ownerApi = await app.ApiClientAsync(owner.User);
        var id = await CompleteDraftAsync(ownerApi, owner, "Own", "甲的模型");
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var otherApi = await app.ApiClientAsync(other.User);

        Assert.DoesNotContain((await Ok(await otherApi.GetAsync("/api/v1/genai-filings"))).EnumerateArray(),
            e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/genai-filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/genai-filings/{id}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PutAsJsonAsync($"/api/v1/genai-filings/{id}/form", Form("Own", "篡改"), Json))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PostAsync($"/api/v1/genai-filings/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherApi.GetAsync("/api/v1/review/genai-filings")).StatusCode);

        // Linking another account's product or material is refused.
        var otherId = await CompleteDraftAsync(otherApi, other, "Own", "乙的模型");
        Assert.Equal(HttpStatusCode.Conflict, (await otherApi.PutAsJsonAsync($"/api/v1/genai-filings/{otherId}/products",
            new { productIds = new[] { owner.ProductId } }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await otherApi.PutAsJsonAsync($"/api/v1/genai-filings/{otherId}/materials/ServiceAgreement",
            new { materialId = owner.MaterialId }, Json)).StatusCode);

        // Pages: the other filer gets 404 for the owner's filing, and the owner's list is not shown.
        var pages = await app.SignInAsync(other.User.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/genai-filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/genai-filings/{id}/edit/1")).StatusCode);
        var list = await pages.GetStringAsync("/genai-filings");
        Assert.Contains("乙的模型", list);
        Assert.DoesNotContain("甲的模型", list);
        Assert.Equal("甲的模型", (await Ok(await ownerApi.GetAsync($"/api/v1/genai-filings/{id}"))).GetProperty("form")
            .GetProperty("modelName").GetString());
    }

    [Theory]
    [InlineData("ai-writing-app", "Registration", "妙笔AI写作")]
    [InlineData("api-only-model-vendor", "Filing", "云启大模型开放平台")]
    [InlineData("voice-cloning-tool", null, null)]
    public async Task A_plan_of_the_assessment_creates_the_generative_ai_draft_it_calls_for(string scenario, string? kind, string? name)
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var answers = File.ReadAllText(Path.Combine(Suanbei.Testing.RepoPaths.Root, "tests", "Suanbei.Core.Tests", "AssessmentScenarios",
            scenario + ".json"));
        await Ok(await api.PostAsync("/api/v1/assess/drafts", new StringContent(answers, System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.Created);
        var list = (await Ok(await api.GetAsync("/api/v1/genai-filings"))).EnumerateArray().ToList();
        if (kind is null)
        {
            Assert.Empty(list);
            return;
        }
        var draft = Assert.Single(list);
        Assert.Equal((kind, name, "Draft"), (draft.GetProperty("kind").GetString(), draft.GetProperty("modelName").GetString(),
            draft.GetProperty("status").GetString()));
    }
}

public sealed class GenAiFilingApiTestsSqlite(SqliteApp app) : GenAiFilingApiTests<SqliteApp>(app);
public sealed class GenAiFilingApiTestsPostgres(PostgresApp app) : GenAiFilingApiTests<PostgresApp>(app);
