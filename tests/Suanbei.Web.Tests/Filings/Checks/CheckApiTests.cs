using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings.Checks;

/// <summary>备案预审 over stored filings: API for owner and reviewer, the page, and copied text from a published filing.</summary>
public abstract class CheckApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string SharedPrinciple = "算法先理解用户输入的问题和上下文，再依据从大量授权语料中学到的语言规律逐字预测并生成回答，最后经过安全过滤后展示给用户。";

    private static object DetailsWith(Filer f, int logMonths, string principle)
    {
        var d = JsonSerializer.SerializeToNode(Details(f), Json)!;
        d["details"]!["logRetentionMonths"] = logMonths;
        d["details"]!["disclosurePrinciple"] = principle;
        return d;
    }

    private static IEnumerable<JsonElement> Findings(JsonElement report) => report.GetProperty("findings").EnumerateArray();

    [Fact]
    public async Task Owner_sees_findings_with_field_message_and_source_and_they_follow_edits()
    {
        var filer = await ApprovedFilerAsync(app, accessPath: false);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "预审测试算法");

        var report = await Ok(await api.GetAsync($"/api/v1/filings/{id}/check"));
        // The fixture product has no access path (blocking) and a 10-character function description (warning).
        var path = Assert.Single(Findings(report), f => f.GetProperty("ruleId").GetString() == "access-path.incomplete");
        Assert.Equal("阻断", path.GetProperty("severity").GetString());
        Assert.Equal("products[0].accessPath", path.GetProperty("field").GetString());
        Assert.Contains("测试写作", path.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(path.GetProperty("source").GetString()));
        Assert.Contains(Findings(report), f => f.GetProperty("ruleId").GetString() == "function.not-descriptive");
        Assert.True(report.GetProperty("blocks").GetBoolean());
        Assert.DoesNotContain(Findings(report), f => f.GetProperty("ruleId").GetString() == "logs.retention-short");

        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/details", DetailsWith(filer, 3, "基本原理文字"), Json));
        report = await Ok(await api.GetAsync($"/api/v1/filings/{id}/check"));
        var logs = Assert.Single(Findings(report), f => f.GetProperty("ruleId").GetString() == "logs.retention-short");
        Assert.Contains("3 个月", logs.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_filer_gets_404_and_a_reviewer_can_check()
    {
        var owner = await ApprovedFilerAsync(app);
        var ownerApi = await app.ApiClientAsync(owner.User);
        var id = await CompleteFilingViaApiAsync(ownerApi, owner);
        var other = await ApprovedFilerAsync(app, "440305", "乙公司");
        var otherApi = await app.ApiClientAsync(other.User);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/filings/{id}/check")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherApi.GetAsync($"/api/v1/review/filings/{id}/check")).StatusCode);

        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        var reviewerApi = await app.ApiClientAsync(reviewer);
        await Ok(await ownerApi.PostAsync($"/api/v1/filings/{id}/submit", null)); // reviewers see submitted filings only
        var report = await Ok(await reviewerApi.GetAsync($"/api/v1/review/filings/{id}/check"));
        // Submitted means no 阻断 finding; the fixture's 10-character function description is still a warning.
        Assert.Contains(Findings(report), f => f.GetProperty("ruleId").GetString() == "function.not-descriptive");
    }

    [Fact]
    public async Task Text_copied_from_a_published_filing_names_its_number()
    {
        var first = await ApprovedFilerAsync(app);
        var firstApi = await app.ApiClientAsync(first.User);
        var published = await CompleteFilingViaApiAsync(firstApi, first, "先发布的算法");
        await Ok(await firstApi.PutAsJsonAsync($"/api/v1/filings/{published}/details", DetailsWith(first, 6, SharedPrinciple), Json));
        var reviewerApi = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        await ToSecondReviewAsync(app, firstApi, reviewerApi, published);
        var entry = await Ok(await reviewerApi.PostAsync($"/api/v1/review/filings/{published}/publish", null));
        var number = entry.GetProperty("filingNumber").GetString()!;

        var copier = await ApprovedFilerAsync(app, "440305", "深圳抄写科技有限公司");
        var copierApi = await app.ApiClientAsync(copier.User);
        var draft = await CompleteFilingViaApiAsync(copierApi, copier, "后写的算法");
        var clean = await Ok(await copierApi.GetAsync($"/api/v1/filings/{draft}/check"));
        // (The fixture's 主要用途 is the same for every filing, so only the principle field is watched here.)
        Assert.DoesNotContain(Findings(clean), f => f.GetProperty("ruleId").GetString() == "text.registry-copy"
            && f.GetProperty("field").GetString() == "filing.disclosurePrinciple");

        await Ok(await copierApi.PutAsJsonAsync($"/api/v1/filings/{draft}/details",
            DetailsWith(copier, 6, SharedPrinciple.Replace("大量", "海量")), Json));
        var report = await Ok(await copierApi.GetAsync($"/api/v1/filings/{draft}/check"));
        var copy = Assert.Single(Findings(report), f => f.GetProperty("ruleId").GetString() == "text.registry-copy"
            && f.GetProperty("field").GetString() == "filing.disclosurePrinciple");
        Assert.Contains(number, copy.GetProperty("message").GetString());
        Assert.Contains("先发布的算法", copy.GetProperty("message").GetString());
    }
}

public sealed class CheckApiTestsSqlite(SqliteApp app) : CheckApiTests<SqliteApp>(app);
public sealed class CheckApiTestsPostgres(PostgresApp app) : CheckApiTests<PostgresApp>(app);

/// <summary>The copied-text rule against the CAC's published lists imported into the registry.</summary>
public sealed class CheckRegistryCopyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Purpose_copied_from_a_published_list_row_names_its_number()
    {
        await app.WithDb(async db =>
            await new Suanbei.Web.Features.Registry.Store.RegistryStore(db).ImportAsync(
                Suanbei.Registry.Import.RegistryImporter.ImportFile(Suanbei.Testing.RepoPaths.PublishedList("algorithm-filings.tsv"))));
        var (header, rows) = Suanbei.Testing.RepoPaths.ReadPublishedTsv("algorithm-filings.tsv");
        var row = rows.First(r => r[Array.IndexOf(header, "purpose")].Length >= 40);
        var purpose = row[Array.IndexOf(header, "purpose")];
        var number = row[Array.IndexOf(header, "number")];

        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer, "推送算法");
        var before = await Ok(await api.GetAsync($"/api/v1/filings/{id}/check"));
        Assert.DoesNotContain(before.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "text.registry-copy");

        var basic = JsonSerializer.SerializeToNode(Basic(filer, "推送算法"), Json)!;
        basic["mainPurpose"] = purpose.Replace("。", "") + "。";
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/basic", basic, Json));
        var after = await Ok(await api.GetAsync($"/api/v1/filings/{id}/check"));
        var copy = Assert.Single(after.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "text.registry-copy");
        Assert.Equal("filing.mainPurpose", copy.GetProperty("field").GetString());
        Assert.Contains(number, copy.GetProperty("message").GetString());
    }
}
