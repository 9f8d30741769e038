using System.Net;
using System.Text;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAi;

/// <summary>Versioned banks (/genai/banks): an upload under a name is its next version; two versions compare.</summary>
public abstract class BankVersionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static async Task<string> UploadAsync(HttpClient client, string name, string csv)
    {
        var response = await client.PostMultipartAsync("/genai/banks", new() { ["Input.Kind"] = "keywords", ["Input.Name"] = name },
            [("Input.File", "kw.csv", Encoding.UTF8.GetBytes(csv))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task Uploads_under_one_name_are_numbered_versions_with_their_uploader_and_compare()
    {
        var (user, filer) = await app.SignedInAsync(Roles.Filer);
        var v1 = await UploadAsync(filer, "主关键词库", "id,text,risk\nk1,甲词,A.1.1\nk2,乙词,A.1.1\nk3,丙词,A.2.1\n");
        var v2 = await UploadAsync(filer, "主关键词库", "id,text,risk\nk1,甲词,A.1.1\nk3,丙词改,A.2.1\nk4,丁词,A.2.1\nk5,戊词,A.2.1\n");
        var other = await UploadAsync(filer, "试验库", "id,text,risk\nk1,甲词,A.1.1\n");

        var page = await filer.GetStringAsync(v2);
        Assert.Contains("主关键词库 第 2 版", page);
        Assert.Contains($"data-testid=\"bank-uploaded-by\">{user.Email}<", page);
        Assert.Contains("试验库 第 1 版", await filer.GetStringAsync(other));
        var diffLink = $"/genai/banks/diff?from={v1.Split('/').Last()}&amp;to={v2.Split('/').Last()}";
        Assert.Contains(diffLink, page);

        var diff = await filer.GetStringAsync(System.Net.WebUtility.HtmlDecode(diffLink));
        Assert.Contains("data-testid=\"bank-diff-summary\">新增 2 条，删除 1 条，修改 1 条<", diff);
        Assert.Contains("k2：乙词（A.1.1）", diff);
        Assert.Contains("<td>丙词（A.2.1）</td><td>丙词改（A.2.1）</td>", diff);
        Assert.Matches(@"data-code=""A.2.1""><td>A.2.1</td><td>民族歧视</td><td>1</td>\s*<td>3</td><td>\+2</td>",
            System.Net.WebUtility.HtmlDecode(diff));

        var (_, stranger) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(System.Net.WebUtility.HtmlDecode(diffLink))).StatusCode);
        Assert.DoesNotContain("主关键词库", await stranger.GetStringAsync("/genai/banks"));
        // another account's first upload under the same name is its own version 1
        Assert.Contains("主关键词库 第 1 版", await stranger.GetStringAsync(await UploadAsync(stranger, "主关键词库", "text,risk\n词,A.1.1\n")));
    }

    [Fact]
    public async Task A_name_too_long_is_refused_on_its_field_and_nothing_is_kept()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var response = await filer.PostMultipartAsync("/genai/banks",
            new() { ["Input.Kind"] = "keywords", ["Input.Name"] = new string('名', 101) },
            [("Input.File", "kw.csv", Encoding.UTF8.GetBytes("text,risk\n词,A.1.1\n"))]);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("题库名称不能超过 100 个字符", html);
        Assert.Contains("data-valmsg-for=\"Input.Name\"", html);
        Assert.DoesNotContain("data-testid=\"bank-checks\"", await filer.GetStringAsync("/genai/banks"));
    }
}

public sealed class BankVersionTestsSqlite(SqliteApp app) : BankVersionTests<SqliteApp>(app);
public sealed class BankVersionTestsPostgres(PostgresApp app) : BankVersionTests<PostgresApp>(app);
