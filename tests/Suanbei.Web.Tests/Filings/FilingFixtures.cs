using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Filings;

/// <summary>Real accounts, an approved subject, products and materials, made through the domain objects the app itself uses.</summary>
public static class FilingFixtures
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Filer(AppUser User, Guid SubjectId, string RegionCode, Guid ProductId, Guid FunctionId, Guid MaterialId);

    // Tiny but real files: the store sniffs content.
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A filer account whose subject has been approved by a reviewer, with one product (one function) and one material.
    /// <paramref name="documentFacts"/> also fills the optional facts: ICP holder/expiry/scope of the product and what the filer
    /// read off the officer's commitment and employment proof.</summary>
    public static async Task<Filer> ApprovedFilerAsync(TestApp app, string regionCode = "110108", string name = "北京测试科技有限公司",
        bool documentFacts = false, bool accessPath = true)
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        return await app.WithServices(async sp =>
        {
            var db = sp.GetRequiredService<SuanbeiDbContext>();
            var now = DateTimeOffset.UtcNow;
            var material = await sp.GetRequiredService<MaterialStore>().SaveAsync(db, user.Id, "report.pdf", new MemoryStream(Pdf), now);
            var subject = new Subject(Guid.NewGuid(), user.Id, now);
            var m = material.Id;
            subject.Update(new SubjectDetails
            {
                Name = name, CreditCode = "91440300708461136T", RegionCode = regionCode, Address = "北京市海淀区中关村大街1号",
                Website = "https://example.cn", MonthlyActiveUsers = 1000, CertificateType = "营业执照", CertificateAddress = "北京市海淀区",
                CertificateValidity = "长期", LegalRepName = "张三", LegalRepIdType = "居民身份证", LegalRepIdNumber = "11010519491231002X",
                OfficerName = "李四", OfficerIdType = "居民身份证", OfficerIdNumber = "11010519491231002X", OfficerMobile = "13800138000",
                OfficerEmail = "officer@example.cn", BusinessLicenceScanId = m, LegalRepIdScanId = m, OfficerIdScanId = m,
                OfficerEmploymentProofId = m, OfficerCommitmentId = m, FilingCommitmentId = m, ResponsibilityReportId = m,
            } with
            {
                CommitmentSignerName = documentFacts ? "李四" : null,
                CommitmentSignerIdNumber = documentFacts ? "11010519491231002X" : null,
                EmploymentName = documentFacts ? "李四" : null,
                EmploymentEmployer = documentFacts ? name : null,
                EmploymentPost = documentFacts ? "首席算法安全官" : null,
                EmploymentTenure = documentFacts ? "2024-01-01至今" : null,
            }, now);
            subject.Submit(user.Id, now);
            subject.Approve("reviewer-fixture", now);
            db.Add(subject);
            var product = new Product(Guid.NewGuid(), subject.Id, user.Id, new ProductDetails
            {
                Name = "测试写作", Form = ProductForm.App, AccessAddress = "https://example.cn/app", IcpNumber = "京ICP备12345678号-1",
                IcpHolder = documentFacts ? name : null, IcpExpiresOn = documentFacts ? new DateOnly(2030, 12, 31) : null,
                IcpBusinessScope = documentFacts ? "互联网信息服务（不含新闻、出版）" : null,
                // Without an access path 备案预审 blocks submission (access-path.incomplete); tests of that rule ask for none.
                AccessPath = accessPath ? ["打开测试写作APP", "点击首页“智能写作”"] : [],
            }, now);
            var function = product.AddFunction("智能写作", "根据用户输入生成文章", now);
            db.Add(product);
            await db.SaveChangesAsync();
            return new Filer(user, subject.Id, regionCode, product.Id, function.Id, material.Id);
        });
    }

    /// <summary>The JSON bodies a client sends to fill a complete provider filing through the API.</summary>
    public static object Basic(Filer f, string name = "测试文本生成算法", AlgorithmType type = AlgorithmType.GenerationSynthesis) => new
    {
        name, type, domain = "智能写作", launchDate = "2026-10-01", role = FilingRole.ServiceProvider,
        mainPurpose = "应用于智能写作场景，根据用户输入的主题生成文章。", selfAssessmentReportId = f.MaterialId, disclosureDocumentId = f.MaterialId,
    };

    public static object Details(Filer f) => new
    {
        details = new
        {
            summary = "基于大模型的文本生成。", scenarios = "用户输入主题，生成文章草稿。", inputModalities = "Text", outputModalities = "Text",
            dataSources = "公开语料与授权出版物", usesBiometricData = false, usesIdentityData = false, modelAndTrainingData = "自研模型",
            strategy = "检索增强生成", risksAndSafeguards = "关键词过滤与人工复核", moderationFlow = "机器过滤后人工审核", logRetentionMonths = 6,
            complaintChannels = "应用内“设置—投诉举报”入口，48小时内处理反馈", regulatorCooperation = "安全负责人对接网信、公安部门，按要求提供日志与技术协助",
            disclosurePrinciple = "基本原理文字", disclosureMechanism = "运行机制文字", disclosureScenarios = "应用场景文字", disclosurePurpose = "目的意图文字",
        },
        labeling = new[] { new { modality = "Text", explicitMethod = "文末提示“本内容由AI生成”", implicitMethod = "元数据AIGC字段",
            exampleMaterialId = f.MaterialId } },
    };

    public static object Products(Filer f) =>
        new { products = new[] { new { productId = f.ProductId, functionIds = new[] { f.FunctionId } } } };

    /// <summary>Creates and fills a complete filing through the filer's API client; returns its id.</summary>
    public static async Task<Guid> CompleteFilingViaApiAsync(
        HttpClient api, Filer f, string name = "测试文本生成算法", AlgorithmType type = AlgorithmType.GenerationSynthesis)
    {
        var created = await api.PostAsync("/api/v1/filings", null);
        await Ok(created, System.Net.HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/basic", Basic(f, name, type), Json));
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/details", Details(f), Json));
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/products", Products(f), Json));
        return id;
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage r, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected,
            $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Drives a filing by API up to 二审 (submitted, first review started and passed). 一审 is taken by a new reviewer, so
    /// <paramref name="reviewerApi"/> may decide 二审 (separation of duties).
    /// </summary>
    public static async Task ToSecondReviewAsync(TestApp app, HttpClient filerApi, HttpClient reviewerApi, Guid id)
    {
        await Ok(await filerApi.PostAsync($"/api/v1/filings/{id}/submit", null));
        await Ok(await reviewerApi.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null));
        var firstReviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        await Ok(await firstReviewer.PostAsync($"/api/v1/review/filings/{id}/pass-first-review", null));
    }
}
