using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>The whole algorithm filing through /api/v1, on SQLite and on PostgreSQL.</summary>
public abstract class FilingApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task A_filing_goes_from_draft_through_two_reviews_to_a_published_number_and_public_entry()
    {
        var filer = await ApprovedFilerAsync(app, "440305", "深圳示例智能有限公司");
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));

        // A partial draft saves; submitting it answers 422 with the missing fields.
        var created = await Ok(await api.PostAsync("/api/v1/filings", null), HttpStatusCode.Created);
        var draftId = created.GetProperty("id").GetGuid();
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{draftId}/basic", new { name = "半成品" }, Json));
        var incomplete = await api.PostAsync($"/api/v1/filings/{draftId}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var problem = await incomplete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/problem+json", incomplete.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out var typeErrors));
        Assert.Contains("算法类型", typeErrors[0].GetString());

        var id = await CompleteFilingViaApiAsync(api, filer);
        var submitted = await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        var clock = submitted.GetProperty("clock");
        if (Suanbei.Core.Calendar.WorkingCalendar.Official.Covers(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))))
            Assert.Equal(0, clock.GetProperty("workingDaysUsed").GetInt32()); // the submission day is not counted
        else
            Assert.Equal("无官方日历", clock.GetProperty("display").GetString());

        // The filer cannot review its own filing; reviewers see it in the queue.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null)).StatusCode);
        var queue = await Ok(await reviewer.GetAsync("/api/v1/review/filings"));
        Assert.Contains(queue.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id && e.GetProperty("subjectName")
            .GetString() == "深圳示例智能有限公司");

        // Illegal transition: publishing before the reviews is a 409 problem with a Chinese message.
        var early = await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("已提交", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null));
        var firstReviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        await Ok(await firstReviewer.PostAsJsonAsync($"/api/v1/review/filings/{id}/pass-first-review", new { reason = "一审通过" }));
        // Separation of duties: the reviewer who passed 一审 cannot decide 二审 (409 with the rule's Chinese message).
        var own = await firstReviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("一审与二审须由不同审核员完成", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var published = await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null));
        Assert.Equal("Publicity", published.GetProperty("status").GetString());
        var number = published.GetProperty("filingNumber").GetString()!;
        var info = FilingNumber.Decode(number);
        Assert.True(info.Valid, string.Join(";", info.Problems));
        Assert.Equal("440305", info.Region);
        Assert.Equal("01", info.TypeCode);
        Assert.Equal(1, info.Sequence);
        Assert.Equal(DateTime.UtcNow.AddHours(8).Year, info.Year);

        // Public entry: anonymous, the CAC columns.
        var anonymous = app.Client();
        var entry = await Ok(await anonymous.GetAsync("/api/v1/public/filings/" + Uri.EscapeDataString(number)));
        Assert.Equal(number, entry.GetProperty("number").GetString());
        Assert.Equal("深圳示例智能有限公司", entry.GetProperty("subjectName").GetString());
        Assert.Equal("测试写作（APP）", entry.GetProperty("products").GetString());
        Assert.Equal("服务提供者", entry.GetProperty("role").GetString());
        Assert.Equal("基本原理文字", entry.GetProperty("principle").GetString());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(PublicPaths.Entry(number)));
        Assert.Contains(number, page);
        Assert.Contains("深圳示例智能有限公司", page);

        // The audit trail, readable by the filer: who, when, from, to.
        var audit = await Ok(await api.GetAsync($"/api/v1/filings/{id}/audit"));
        Assert.Equal(["提交", "开始一审", "一审通过", "二审通过并公示"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.Equal("审核员", audit[1].GetProperty("actorRole").GetString());
        Assert.Contains(number, audit[3].GetProperty("reason").GetString());

        // The number is recorded in the issued-numbers table with its parts.
        var issued = await app.WithDb(db => db.Set<IssuedFilingNumber>().SingleAsync(n => n.Number == number));
        Assert.Equal(info.Entity, issued.EntityCode);
        Assert.Equal(id, issued.EntryId);
    }

    [Fact]
    public async Task Drafts_cannot_be_started_before_the_subject_is_approved()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var r = await api.PostAsync("/api/v1/filings", null);
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("主体备案通过审核后", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Return_with_per_field_reasons_sends_the_filing_back_to_draft_and_keeps_the_history()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteFilingViaApiAsync(api, filer);
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null));
        var empty = await reviewer.PostAsJsonAsync($"/api/v1/review/filings/{id}/return", new { reasons = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        var returned = await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/filings/{id}/return",
            new { reasons = new[] { new { field = "scenarios", reason = "场景过于笼统" }, new { field = "Labeling", reason = "缺少图片示例" } } }));
        Assert.Equal("Draft", returned.GetProperty("status").GetString());

        var mine = await Ok(await api.GetAsync($"/api/v1/filings/{id}"));
        Assert.Equal(2, mine.GetProperty("returnReasons").GetArrayLength());
        Assert.Equal("使用场景", mine.GetProperty("returnReasons")[0].GetProperty("fieldName").GetString());
        Assert.Equal("scenarios", mine.GetProperty("returnReasons")[0].GetProperty("field").GetString());
        // Editable again, and resubmittable.
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{id}/basic", Basic(filer, "改过名字的算法"), Json));
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        var refused = await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/filings/{id}/refuse", new { reason = "不属于备案范围" }));
        Assert.Equal("Refused", refused.GetProperty("status").GetString());
        var trail = (await Ok(await api.GetAsync($"/api/v1/filings/{id}/audit"))).EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["提交", "开始一审", "退回补正", "提交", "不予备案"], trail);
        // A refused filing is final.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/filings/{id}/basic", Basic(filer), Json)).StatusCode);
    }

    [Fact]
    public async Task A_change_keeps_the_published_version_public_until_approved_then_the_entry_updates_with_a_remark()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteFilingViaApiAsync(api, filer, "原名算法");
        await ToSecondReviewAsync(app, api, reviewer, id);
        var number = (await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null))).GetProperty("filingNumber")
            .GetString()!;

        // A change needs 已备案 first; closing the publicity period before its end is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/filings/{id}/change", new { eventDate = "2026-11-02" }))
            .StatusCode);
        await app.WithDb(async db =>
        {
            // Let the publicity period run out: move the recorded end into the past.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"AlgorithmFilings\" SET \"PublicityEndsOn\" = {new DateOnly(2026, 1, 5)} WHERE \"Id\" = {id}");
            return 0;
        });
        await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/complete-publicity", null));

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var change = await Ok(await api.PostAsJsonAsync(
            $"/api/v1/filings/{id}/change", new { eventDate = today.ToString("yyyy-MM-dd"), description = (string?)null }, Json),
            HttpStatusCode.Created);
        var changeId = change.GetProperty("id").GetGuid();
        Assert.Equal(2, change.GetProperty("revision").GetInt32());
        Assert.Equal(10, change.GetProperty("deadline").GetProperty("workingDays").GetInt32());
        Assert.Equal(number, change.GetProperty("filingNumber").GetString());

        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{changeId}/basic", Basic(filer, "新名算法"), Json));
        await ToSecondReviewAsync(app, api, reviewer, changeId);
        var publicBefore = await Ok(await app.Client().GetAsync("/api/v1/public/filings/" + Uri.EscapeDataString(number)));
        Assert.Equal("原名算法", publicBefore.GetProperty("name").GetString());

        var approved = await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{changeId}/publish", null));
        Assert.Equal("Filed", approved.GetProperty("status").GetString());
        var publicAfter = await Ok(await app.Client().GetAsync("/api/v1/public/filings/" + Uri.EscapeDataString(number)));
        Assert.Equal("新名算法", publicAfter.GetProperty("name").GetString());
        var remark = Assert.Single(publicAfter.GetProperty("remarks").EnumerateArray()).GetString()!;
        Assert.Matches(@"^\d{4}年\d{1,2}月，变更内容：算法名称由原名算法变更为新名算法$", remark);
        var registryEntry = await Ok(await app.Client().GetAsync("/api/v1/registry/entries/" + Uri.EscapeDataString(number)));
        Assert.Equal("新名算法", registryEntry.GetProperty("summary").GetProperty("name").GetString());
        Assert.Equal("filed", registryEntry.GetProperty("summary").GetProperty("source").GetString());
        Assert.Contains(registryEntry.GetProperty("listings").EnumerateArray(), l => l.GetProperty("remark").GetString() == remark);
        var old = await Ok(await api.GetAsync($"/api/v1/filings/{id}"));
        Assert.Equal("Superseded", old.GetProperty("status").GetString());
        Assert.Equal(1, await app.WithDb(db => db.Set<IssuedFilingNumber>().CountAsync(n => n.Number == number)));
    }

    [Fact]
    public async Task Cancellation_keeps_the_entry_visible_and_the_number_is_never_issued_again()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var first = await CompleteFilingViaApiAsync(api, filer, "将注销的算法");
        await ToSecondReviewAsync(app, api, reviewer, first);
        var number1 = (await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{first}/publish", null))).GetProperty("filingNumber")
            .GetString()!;

        // Published filings are in the public registry (source "filed here"), verifiable like the imported lists.
        var verified = await Ok(await app.Client().GetAsync("/api/v1/registry/verify?number=" + Uri.EscapeDataString(number1)));
        Assert.True(verified.GetProperty("inRegistry").GetBoolean());
        Assert.Equal("active", verified.GetProperty("status").GetString());
        Assert.Equal("将注销的算法", verified.GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal("filed", verified.GetProperty("entry").GetProperty("source").GetString());

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/filings/{first}/cancel", new { description = "无日期" }))
            .StatusCode);
        var cancelled = await Ok(await api.PostAsJsonAsync(
            $"/api/v1/filings/{first}/cancel", new { eventDate = today.ToString("yyyy-MM-dd"), description = "产品下线" }));
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(20, cancelled.GetProperty("deadline").GetProperty("workingDays").GetInt32());

        var entry = await Ok(await app.Client().GetAsync("/api/v1/public/filings/" + Uri.EscapeDataString(number1)));
        Assert.True(entry.GetProperty("cancelled").GetBoolean());
        Assert.Contains("已注销", WebUtility.HtmlDecode(await app.Client().GetStringAsync(PublicPaths.Entry(number1))));
        var afterCancel = await Ok(await app.Client().GetAsync("/api/v1/registry/verify?number=" + Uri.EscapeDataString(number1)));
        Assert.Equal("cancelled", afterCancel.GetProperty("status").GetString());

        // The next filing of the same subject, type and year gets sequence 2: the cancelled number stays taken.
        var second = await CompleteFilingViaApiAsync(api, filer, "新算法");
        await ToSecondReviewAsync(app, api, reviewer, second);
        var number2 = (await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{second}/publish", null))).GetProperty("filingNumber")
            .GetString()!;
        Assert.NotEqual(number1, number2);
        Assert.Equal(FilingNumber.Decode(number1).Entity, FilingNumber.Decode(number2).Entity); // stable entity code per subject
        Assert.Equal(2, FilingNumber.Decode(number2).Sequence);
        Assert.True(await app.WithDb(db => db.Set<IssuedFilingNumber>().AnyAsync(n => n.Number == number1)));
    }
}

public sealed class FilingApiTestsSqlite(SqliteApp app) : FilingApiTests<SqliteApp>(app);
public sealed class FilingApiTestsPostgres(PostgresApp app) : FilingApiTests<PostgresApp>(app);
