using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.GenAi;

/// <summary>人工复核 (/GenAi/Review): importing a run, marking answers, final rates, κ between reviewers, isolation.</summary>
public abstract partial class ReviewQueueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Page = "/GenAi/Review";

    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] manifest, byte[] journal, byte[]? keywords)
    {
        var files = new List<(string, string, byte[])>
            { ("Input.Manifest", "manifest.json", manifest), ("Input.Journal", "journal.jsonl", journal) };
        if (keywords is not null) files.Add(("Input.Keywords", "kw.csv", keywords));
        return await client.PostMultipartAsync(Page, [], files, Page + "?handler=Import");
    }

    private async Task<(HttpClient Client, string RunUrl)> ImportedAsync() =>
        await ImportedAsync(await app.SignedInAsync(Roles.Filer));

    private static async Task<(HttpClient Client, string RunUrl)> ImportedAsync((AppUser User, HttpClient Client) signedIn)
    {
        var filer = signedIn.Client;
        var (manifest, journal) = ReviewRunFiles.Build();
        var response = await ImportAsync(filer, manifest, journal, ReviewRunFiles.Keywords);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (filer, response.Headers.Location!.ToString());
    }

    private static string ItemId(string html, int seq) =>
        new Regex($"id=\"item-{seq}\"[\\s\\S]*?name=\"itemId\" value=\"([0-9a-f-]+)\"").Match(html).Groups[1].Value;

    private static string Rate(string html, string bank) =>
        new Regex($"data-testid=\"rate-{bank}\">([^<]+)<").Match(html).Groups[1].Value;

    private static async Task<HttpResponseMessage> MarkAsync(HttpClient client, string runUrl, string page, string itemId,
        bool verdict, string reviewer, string reason = "") =>
        await client.PostFormAsync(page, new()
        {
            ["itemId"] = itemId, ["verdict"] = verdict ? "true" : "false", ["reviewer"] = reviewer, ["reason"] = reason,
        }, runUrl + "?handler=Mark");

    [Fact]
    public async Task Imported_answers_show_automatic_verdicts_and_a_persons_mark_changes_the_rate()
    {
        var owner = await app.SignedInAsync(Roles.Filer);
        var (filer, run) = await ImportedAsync(owner);
        var html = await filer.GetStringAsync(run);
        Assert.Contains("介绍一下长城", html);
        Assert.Contains("A.1.1 ", html); // risk code with its Chinese name
        Assert.Equal("75.0%", Rate(html, "content")); // c2 holds a keyword
        Assert.Equal("66.7%", Rate(html, "refuse"));
        Assert.Equal("50.0%", Rate(html, "answer"));
        Assert.Contains("不低于 90.0%", html);

        var mark = await MarkAsync(filer, run, run, ItemId(html, 1), true, "甲", "关键词出现在无害语境");
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
        Assert.Contains("at=2", mark.Headers.Location!.ToString()); // the next item becomes current
        html = await filer.GetStringAsync(mark.Headers.Location);
        Assert.Equal("100.0%", Rate(html, "content"));
        Assert.Contains($"{owner.User.Email}：合格（关键词出现在无害语境）", html); // the mark is the signed-in account's
        Assert.Contains("class=\"review-item current\" data-seq=\"2\"", html);

        // marking again replaces the reviewer's mark
        await MarkAsync(filer, run, run, ItemId(html, 1), false, "甲");
        html = await filer.GetStringAsync(run);
        Assert.Equal("75.0%", Rate(html, "content"));

        var refuse = await filer.GetStringAsync(run + "?bank=refuse&reviewer=甲");
        Assert.Contains("1 拒答", refuse);
        await MarkAsync(filer, run, run, ItemId(refuse, 6), true, "甲");
        Assert.Equal("100.0%", Rate(await filer.GetStringAsync(run), "refuse"));
    }

    [Fact]
    public async Task Two_accounts_on_the_same_items_give_Cohens_kappa()
    {
        var owner = await app.SignedInAsync(Roles.Filer);
        var (filer, run) = await ImportedAsync(owner);
        var (second, secondClient) = await app.SignedInAsync(Roles.Filer);
        var invite = await filer.PostFormAsync(run, new() { ["email"] = second.Email! }, run + "?handler=AddReviewer");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        var html = await filer.GetStringAsync(run);
        Assert.Contains(second.Email!, html);
        // owner: T T F F, invited: T F F F — agree on 3 of 4; p_o = .75, p_e = .5·.25 + .5·.75 = .5, κ = .5
        bool[] first = [true, true, false, false], other = [true, false, false, false];
        for (var i = 0; i < 4; i++)
        {
            await MarkAsync(filer, run, run, ItemId(html, i), first[i], "typed names are ignored");
            Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(secondClient, run, run, ItemId(html, i), other[i], "")).StatusCode);
        }
        html = WebUtility.HtmlDecode(await filer.GetStringAsync(run));
        var names = new[] { owner.User.Email!, second.Email! }.Order(StringComparer.Ordinal).ToArray();
        Assert.Contains($"{names[0]} 与 {names[1]} 共同复核 4 条，一致 3 条，κ = 0.50", html);
        Assert.DoesNotContain("typed names are ignored", html);
    }

    [Fact]
    public async Task An_invited_account_reviews_the_run_but_sees_nothing_else_of_the_owners()
    {
        var (filer, run) = await ImportedAsync();
        var (invitedUser, invited) = await app.SignedInAsync(Roles.Filer);
        var (_, stranger) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(run)).StatusCode);

        var unknown = WebUtility.HtmlDecode(await (await filer.PostFormAsync(run, new() { ["email"] = "nobody@example.invalid" },
            run + "?handler=AddReviewer")).Content.ReadAsStringAsync());
        Assert.Contains("没有使用邮箱“nobody@example.invalid”的账号", unknown);
        await filer.PostFormAsync(run, new() { ["email"] = invitedUser.Email! }, run + "?handler=AddReviewer");

        var html = await invited.GetStringAsync(run);
        Assert.Contains("data-testid=\"review-invited\"", html);
        Assert.DoesNotContain("data-testid=\"review-downloads\"", html);
        Assert.Contains(run, await invited.GetStringAsync(Page)); // listed under the runs it was invited to
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(run + "?handler=report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(run + "?handler=export&format=json")).StatusCode);
        var inviteOther = await invited.PostFormAsync(run, new() { ["email"] = invitedUser.Email! }, run + "?handler=AddReviewer");
        Assert.Equal(HttpStatusCode.NotFound, inviteOther.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(run)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MarkAsync(stranger, run, Page, ItemId(html, 0), false, "")).StatusCode);
    }

    [Fact]
    public async Task Another_account_does_not_find_a_run_nor_mark_its_answers()
    {
        var (owner, run) = await ImportedAsync();
        var html = await owner.GetStringAsync(run);
        var (_, other) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(run)).StatusCode);
        Assert.DoesNotContain(run, await other.GetStringAsync(Page));
        var mark = await MarkAsync(other, run, Page, ItemId(html, 0), false, "乙");
        Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        Assert.Equal("75.0%", Rate(await owner.GetStringAsync(run), "content"));
    }

    [Fact]
    public async Task Bad_imports_get_a_Chinese_message_on_the_field_and_nothing_is_kept()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var (manifest, journal) = ReviewRunFiles.Build();

        var otherBank = Encoding.UTF8.GetBytes("text,risk\n别的词,A.1.1\n");
        var html = WebUtility.HtmlDecode(await (await ImportAsync(filer, manifest, journal, otherBank)).Content.ReadAsStringAsync());
        Assert.Contains("该关键词库与这次评估使用的不同", html);

        html = WebUtility.HtmlDecode(await (await ImportAsync(filer, manifest, journal, null)).Content.ReadAsStringAsync());
        Assert.Contains("需要评估时使用的关键词库", html);
        Assert.Contains("data-valmsg-for=\"Input.Keywords\"", html);

        html = WebUtility.HtmlDecode(await (await ImportAsync(filer, "{\"x\":"u8.ToArray(), journal, null)).Content.ReadAsStringAsync());
        Assert.Contains("manifest.json 不是有效的 JSON", html);

        html = WebUtility.HtmlDecode(await (await ImportAsync(filer, manifest, "\n"u8.ToArray(), ReviewRunFiles.Keywords))
            .Content.ReadAsStringAsync());
        Assert.Contains("journal.jsonl 中没有这次评估任何问题的回答", html);
        Assert.DoesNotContain("data-testid=\"review-runs\"", await filer.GetStringAsync(Page));
    }
}

public sealed class ReviewQueueTestsSqlite(SqliteApp app) : ReviewQueueTests<SqliteApp>(app);
public sealed class ReviewQueueTestsPostgres(PostgresApp app) : ReviewQueueTests<PostgresApp>(app);
