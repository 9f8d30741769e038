using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings.Checks;

/// <summary>
/// The ICP holder/expiry/scope of a product and the officer-document fields of a subject, entered through the API and
/// the pages, reach the web check: icp.expired, icp.other-holder, officer.post-unrelated, officer.documents-disagree.
/// </summary>
public abstract class CheckFieldsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string SubjectName = "北京测试科技有限公司"; // the fixture's subject

    private static DateOnly TodayInBeijing() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static List<string> RuleIds(JsonElement report) =>
        report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToList();

    private static async Task<JsonElement> CheckAsync(HttpClient api, Guid filing) =>
        await Ok(await api.GetAsync($"/api/v1/filings/{filing}/check"));

    /// <summary>Reads the product's details, changes the ICP fields and saves them back; returns the saved details.</summary>
    private static async Task<JsonElement> SetIcpAsync(HttpClient api, Guid productId, string? holder, DateOnly? expiresOn, string? scope)
    {
        var product = await Ok(await api.GetAsync($"/api/v1/products/{productId}"));
        var details = JsonNode.Parse(product.GetProperty("details").GetRawText())!;
        details["icpHolder"] = holder;
        details["icpExpiresOn"] = expiresOn?.ToString("yyyy-MM-dd");
        details["icpBusinessScope"] = scope;
        var saved = await Ok(await api.PutAsJsonAsync($"/api/v1/products/{productId}", details, Json));
        return saved.GetProperty("details");
    }

    /// <summary>Starts a subject change (the fixture's subject is approved), then saves the officer-document fields.</summary>
    private static async Task<JsonElement> SetOfficerDocumentsAsync(
        HttpClient api, string? signer, string? signerId, string? name, string? employer,
        string? post, string? tenure)
    {
        var subject = await Ok(await api.GetAsync("/api/v1/subject"));
        if (subject.GetProperty("status").GetString() == "Approved")
            await Ok(await api.PostAsJsonAsync("/api/v1/subject/change", new { eventDate = TodayInBeijing().ToString("yyyy-MM-dd") },
                Json));
        var details = JsonNode.Parse(subject.GetProperty("details").GetRawText())!;
        details["commitmentSignerName"] = signer;
        details["commitmentSignerIdNumber"] = signerId;
        details["employmentName"] = name;
        details["employmentEmployer"] = employer;
        details["employmentPost"] = post;
        details["employmentTenure"] = tenure;
        var saved = await Ok(await api.PutAsJsonAsync("/api/v1/subject", details, Json));
        return saved.GetProperty("details");
    }

    [Fact]
    public async Task Icp_expiry_and_holder_of_the_product_are_checked_and_consistent_data_passes()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var filing = await CompleteFilingViaApiAsync(api, filer, "ICP核对算法");
        var before = RuleIds(await CheckAsync(api, filing));
        Assert.DoesNotContain("icp.expired", before);
        Assert.DoesNotContain("icp.other-holder", before);

        var yesterday = TodayInBeijing().AddDays(-1);
        var saved = await SetIcpAsync(api, filer.ProductId, SubjectName, yesterday, "第二类增值电信业务中的信息服务业务");
        Assert.Equal(yesterday.ToString("yyyy-MM-dd"), saved.GetProperty("icpExpiresOn").GetString());
        Assert.Equal(SubjectName, saved.GetProperty("icpHolder").GetString());
        var report = await CheckAsync(api, filing);
        var expired = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "icp.expired");
        Assert.Equal("products[0].icp.expiresOn", expired.GetProperty("field").GetString());
        Assert.Contains(yesterday.ToString("yyyy-MM-dd"), expired.GetProperty("message").GetString());
        Assert.DoesNotContain("icp.other-holder", RuleIds(report));

        await SetIcpAsync(api, filer.ProductId, "上海别家网络有限公司", TodayInBeijing().AddYears(1), "第二类增值电信业务中的信息服务业务");
        report = await CheckAsync(api, filing);
        var holder = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "icp.other-holder");
        Assert.Equal("products[0].icp.holder", holder.GetProperty("field").GetString());
        Assert.Contains("上海别家网络有限公司", holder.GetProperty("message").GetString());
        Assert.DoesNotContain("icp.expired", RuleIds(report));

        await SetIcpAsync(api, filer.ProductId, SubjectName, TodayInBeijing(), "第二类增值电信业务中的信息服务业务");
        var clean = RuleIds(await CheckAsync(api, filing));
        Assert.DoesNotContain("icp.expired", clean); // expiring today is still valid today
        Assert.DoesNotContain("icp.other-holder", clean);
        Assert.DoesNotContain("icp.scope-mismatch", clean);
    }

    [Fact]
    public async Task Officer_documents_of_the_subject_are_checked_and_consistent_data_passes()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var filing = await CompleteFilingViaApiAsync(api, filer, "责任人核对算法");
        var before = RuleIds(await CheckAsync(api, filing));
        Assert.DoesNotContain("officer.post-unrelated", before); // nothing entered: silent
        Assert.DoesNotContain("officer.documents-disagree", before);

        var saved = await SetOfficerDocumentsAsync(api, "李四", "11010519491231002x", "李四", SubjectName, "行政前台", "2021年3月至今");
        Assert.Equal("11010519491231002X", saved.GetProperty("commitmentSignerIdNumber").GetString());
        Assert.Equal("行政前台", saved.GetProperty("employmentPost").GetString());
        var report = await CheckAsync(api, filing);
        var post = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "officer.post-unrelated");
        Assert.Contains("行政前台", post.GetProperty("message").GetString());
        Assert.DoesNotContain("officer.documents-disagree", RuleIds(report));

        await SetOfficerDocumentsAsync(api, "王五", "11010519491231002X", "李四", SubjectName, "算法安全负责人", "2021年3月至今");
        report = await CheckAsync(api, filing);
        var disagree = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId")
            .GetString() == "officer.documents-disagree");
        Assert.Contains("王五", disagree.GetProperty("message").GetString());
        Assert.DoesNotContain("officer.post-unrelated", RuleIds(report));

        await SetOfficerDocumentsAsync(api, "李四", "11010519491231002X", "李四", SubjectName, "算法安全负责人", "2021年3月至今");
        var clean = RuleIds(await CheckAsync(api, filing));
        Assert.DoesNotContain("officer.post-unrelated", clean);
        Assert.DoesNotContain("officer.documents-disagree", clean);
    }

    [Fact]
    public async Task Pages_show_and_save_the_new_fields_and_reject_overlong_text()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        await SetIcpAsync(api, filer.ProductId, SubjectName, new DateOnly(2030, 5, 1), "信息服务业务");
        await SetOfficerDocumentsAsync(api, "李四", "11010519491231002X", "李四", SubjectName, "首席安全官", "2021年3月至今");
        var pages = await app.SignInAsync(filer.User.Email!);

        var product = await pages.GetStringAsync($"/Products/Edit?id={filer.ProductId}");
        Assert.Matches("id=\"Input_IcpHolder\" name=\"Input.IcpHolder\" value=\"" + SubjectName + "\"", product);
        Assert.Matches("type=\"date\" id=\"Input_IcpExpiresOn\" name=\"Input.IcpExpiresOn\" value=\"2030-05-01\"", product);
        Assert.Matches("id=\"Input_IcpBusinessScope\" name=\"Input.IcpBusinessScope\" value=\"信息服务业务\"", product);
        var subject = await pages.GetStringAsync("/Subjects");
        foreach (var (field, value) in new[] { ("CommitmentSignerName", "李四"), ("CommitmentSignerIdNumber", "11010519491231002X"),
                     ("EmploymentName", "李四"), ("EmploymentEmployer", SubjectName), ("EmploymentPost", "首席安全官"),
                         ("EmploymentTenure", "2021年3月至今") })
            Assert.Contains($"id=\"Input_{field}\" name=\"Input.{field}\" value=\"{value}\"", subject);

        var tooLong = await pages.PostFormAsync($"/Products/Edit?id={filer.ProductId}", new()
        {
            ["Input.Name"] = "测试写作", ["Input.Form"] = "App", ["Input.Status"] = "InService", ["Input.Audience"] = "Individuals",
            ["Input.IcpNumber"] = "京ICP备12345678号-1", ["Input.IcpHolder"] = new string('长', 201), ["Input.IcpExpiresOn"] = "2031-01-31",
        }, url: $"/Products/Edit?id={filer.ProductId}&handler=Save");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("data-valmsg-for=\"Input.IcpHolder\">ICP主办单位不能超过200个字符<", await tooLong.Content.ReadAsStringAsync());
        var saved = await pages.PostFormAsync($"/Products/Edit?id={filer.ProductId}", new()
        {
            ["Input.Name"] = "测试写作", ["Input.Form"] = "App", ["Input.Status"] = "InService", ["Input.Audience"] = "Individuals",
            ["Input.IcpNumber"] = "京ICP备12345678号-1", ["Input.IcpHolder"] = "页面填写的主办单位", ["Input.IcpExpiresOn"] = "2031-01-31",
        }, url: $"/Products/Edit?id={filer.ProductId}&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = (await Ok(await api.GetAsync($"/api/v1/products/{filer.ProductId}"))).GetProperty("details");
        Assert.Equal("页面填写的主办单位", details.GetProperty("icpHolder").GetString());
        Assert.Equal("2031-01-31", details.GetProperty("icpExpiresOn").GetString());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("icpBusinessScope").ValueKind); // left empty: not entered
    }
}

public sealed class CheckFieldsTestsSqlite(SqliteApp app) : CheckFieldsTests<SqliteApp>(app);
public sealed class CheckFieldsTestsPostgres(PostgresApp app) : CheckFieldsTests<PostgresApp>(app);
