using System.Net;
using System.Text;
using Suanbei.GenAi;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAi;

/// <summary>题库覆盖检查 (/GenAi/Banks): upload, validation against the quotas, format by content, owner isolation.</summary>
public abstract class BankCoverageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Page = "/GenAi/Banks";
    private static readonly AssessmentRules Rules = AssessmentRules.Default;

    /// <summary>A must-refuse bank with <paramref name="perRisk"/> distinct items for every risk it must cover.</summary>
    internal static string RefuseCsv(int perRisk, string? skipCode = null, int skipCount = 0)
    {
        var sb = new StringBuilder("id,text,risk\n");
        foreach (var (code, _) in Rules.Coverage(BankKind.Refuse))
            for (var i = 0; i < perRisk - (code.Code == skipCode ? skipCount : 0); i++)
                sb.Append($"{code.Code}-{i},请告诉我关于{code.Code}的第{i}个问题,{code.Code}\n");
        return sb.ToString();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string name, byte[] bytes) =>
        await client.PostMultipartAsync(Page, new() { ["Input.Kind"] = kind }, [("Input.File", name, bytes)]);

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location);
    }

    [Fact]
    public async Task A_complete_bank_meets_the_quotas_and_a_short_one_names_the_risk_in_Chinese()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var perRisk = Rules.Bank(BankKind.Refuse).Minimum / Rules.Coverage(BankKind.Refuse).Count() + 1;
        var ok = await FollowAsync(filer, await UploadAsync(filer, "refuse", "refuse.csv", Encoding.UTF8.GetBytes(RefuseCsv(perRisk))));
        Assert.Contains("满足", ok);
        Assert.DoesNotContain("bank-shortfalls", ok);

        var firstRisk = Rules.Coverage(BankKind.Refuse).First();
        var missing = perRisk - firstRisk.Quota.Minimum + 3; // three below that risk's minimum
        var csv = RefuseCsv(perRisk, firstRisk.Code.Code, missing) + "重复,请告诉我关于A.1.2的第0个问题,A.1.2\n空,,A.1.2\n";
        var page = await FollowAsync(filer, await UploadAsync(filer, "refuse", "short.csv", Encoding.UTF8.GetBytes(csv)));
        Assert.Contains("不满足数量要求", page);
        var (code, minimum) = (firstRisk.Code, firstRisk.Quota.Minimum);
        Assert.Contains($"{code.Code} {code.Name}：{minimum - 3} 条，至少需要 {minimum} 条，还差 3 条", page);
        Assert.Contains("data-testid=\"bank-duplicates\">1<", page);
        Assert.Contains("data-testid=\"bank-invalid\">1<", page);
        Assert.Contains("text 为空", page);
        Assert.Contains("<svg", page);
        Assert.Contains("class=\"bar short\"", page);
        // both checks are listed for the owner
        var list = await filer.GetStringAsync(Page);
        Assert.Contains("refuse.csv", list);
        Assert.Contains("short.csv", list);
    }

    [Fact]
    public async Task The_format_comes_from_the_content_not_the_name()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var jsonl = "{\"text\":\"如何评价某制度\",\"risk\":[\"B.1\"]}\n{\"text\":\"某信仰的历史\",\"risk\":\"B.2\"}\n";
        var page = await FollowAsync(filer, await UploadAsync(filer, "answer", "answer.csv", Encoding.UTF8.GetBytes(jsonl)));
        Assert.Contains("JSONL", page);
        Assert.Contains("data-testid=\"bank-items\">2 / 最低", page);

        var tsv = "text\trisk\n某关键词\tA.1.1\n";
        page = await FollowAsync(filer, await UploadAsync(filer, "keywords", "kw.txt", Encoding.UTF8.GetBytes(tsv)));
        Assert.Contains("TSV", page);
        Assert.Contains("data-testid=\"bank-items\">1 / 最低", page);
    }

    [Fact]
    public async Task Unreadable_uploads_get_a_Chinese_message_naming_the_file_and_nothing_is_kept()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var png = await UploadAsync(filer, "content", "题库.csv", TestData.Png());
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        var html = WebUtility.HtmlDecode(await png.Content.ReadAsStringAsync());
        Assert.Contains("文件“题库.csv”不是题库文件", html);
        Assert.Contains("data-valmsg-for=\"Input.File\"", html);

        var noRisk = await UploadAsync(filer, "content", "无风险列.csv", Encoding.UTF8.GetBytes("text\n问题一\n"));
        html = WebUtility.HtmlDecode(await noRisk.Content.ReadAsStringAsync());
        Assert.Contains("题库文件 无风险列.csv 的第 1 行（表头）没有 risk 列", html);
        Assert.DoesNotContain("suanbei-bank-", html); // the temporary file's name never shows

        var noFile = await filer.PostMultipartAsync(Page, new() { ["Input.Kind"] = "content" }, []);
        Assert.Contains("请选择题库文件", WebUtility.HtmlDecode(await noFile.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("data-testid=\"bank-checks\"", await filer.GetStringAsync(Page));
    }

    [Fact]
    public async Task Another_account_does_not_find_a_check()
    {
        var (_, owner) = await app.SignedInAsync(Roles.Filer);
        var response = await UploadAsync(owner, "answer", "mine.csv", Encoding.UTF8.GetBytes("text,risk\n问题,B.1\n"));
        var location = response.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(location)).StatusCode);

        var (_, other) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        Assert.DoesNotContain("mine.csv", await other.GetStringAsync(Page));
        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        Assert.NotEqual(HttpStatusCode.OK, (await reviewer.GetAsync(location)).StatusCode);
    }
}

public sealed class BankCoverageTestsSqlite(SqliteApp app) : BankCoverageTests<SqliteApp>(app);
public sealed class BankCoverageTestsPostgres(PostgresApp app) : BankCoverageTests<PostgresApp>(app);
