using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Subjects;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

public abstract class SubjectTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Draft_saves_partially_and_submission_names_each_missing_or_wrong_field_in_Chinese()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var saved = await filer.PostFormAsync("/Subjects", new() { ["Input.Name"] = "部分填写有限公司" }, url: "/Subjects?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await filer.GetStringAsync("/Subjects");
        Assert.Contains("value=\"部分填写有限公司\"", page);
        Assert.Contains("草稿", page);

        var submit = await filer.PostFormAsync("/Subjects", new()
        {
            ["Input.Name"] = "部分填写有限公司", ["Input.CreditCode"] = "91110108MA01ABCDE0", ["Input.OfficerMobile"] = "12345",
            ["Input.MonthlyActiveUsers"] = "很多",
        }, url: "/Subjects?handler=Submit");
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var html = await submit.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Input.CreditCode\">统一社会信用代码[^<]+<", html);
        Assert.Matches("data-valmsg-for=\"Input.OfficerMobile\">算法安全责任人手机[^<]+<", html);
        Assert.Matches("data-valmsg-for=\"Input.MonthlyActiveUsers\">“很多”[^<]+<", html);
        Assert.Contains("value=\"12345\"", html); // what was typed is shown again, not lost

        var incomplete = await filer.PostFormAsync("/Subjects", new() { ["Input.Name"] = "部分填写有限公司" }, url: "/Subjects?handler=Submit");
        html = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("data-valmsg-for=\"Input.CreditCode\">统一社会信用代码不能为空<", html);
        Assert.Contains("data-valmsg-for=\"Input.LegalRepIdNumber\">法定代表人证件号码不能为空<", html);
        Assert.Contains("data-valmsg-for=\"Upload.BusinessLicenceScanId\">请上传营业执照副本彩色扫描件<", html);
        Assert.Contains("草稿", await filer.GetStringAsync("/Subjects"));
    }

    [Fact]
    public async Task Only_enterprises_and_individual_businesses_may_file()
    {
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var response = await filer.PostFormAsync("/Subjects", TestData.Form(TestData.CompleteDetails(TestData.CreditCode("11"))),
            url: "/Subjects?handler=Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只有企业（91开头）或个体工商户（92开头）可以办理算法备案", await response.Content.ReadAsStringAsync());

        var individual = await filer.PostFormAsync("/Subjects", TestData.Form(TestData.CompleteDetails(TestData.CreditCode("92"))),
            url: "/Subjects?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, individual.StatusCode);
    }

    [Fact]
    public async Task Submit_return_with_reasons_resubmit_approve_through_the_pages()
    {
        var (filerUser, filer) = await app.SignedInAsync(Roles.Filer);
        var submitted = await Flows.SubmitCompleteSubjectAsync(filer);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var page = await filer.GetStringAsync("/Subjects");
        Assert.Contains("data-testid=\"subject-status\">待审核<", page);
        Assert.DoesNotContain("data-testid=\"subject-form\"", page); // no editing while under review

        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        var subjectId = await app.WithDb(db => db.Set<Subject>().Where(s => s.OwnerId == filerUser.Id).Select(s => s.Id).SingleAsync());
        var queue = await reviewer.GetStringAsync("/Review/Subjects");
        Assert.Contains($"/review/subjects/detail?id={subjectId}", queue);
        var detail = await reviewer.GetStringAsync($"/Review/Subjects/Detail?id={subjectId}");
        Assert.Contains("北京示例科技有限公司", detail);
        Assert.Contains("营业执照.pdf", detail);

        var noReason = await reviewer.PostFormAsync($"/Review/Subjects/Detail?id={subjectId}", new() { ["Reasons"] = " " },
            url: $"/Review/Subjects/Detail?id={subjectId}&handler=Return");
        Assert.Contains("退回补正必须填写理由", await noReason.Content.ReadAsStringAsync());
        var returned = await reviewer.PostFormAsync($"/Review/Subjects/Detail?id={subjectId}", new() { ["Reasons"] = "营业执照扫描件模糊，无法辨认名称" },
            url: $"/Review/Subjects/Detail?id={subjectId}&handler=Return");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        page = await filer.GetStringAsync("/Subjects");
        Assert.Contains("data-testid=\"subject-status\">退回补正<", page);
        Assert.Contains("营业执照扫描件模糊，无法辨认名称", page);
        Assert.Contains("data-testid=\"subject-form\"", page);

        var resubmitted = await filer.PostMultipartAsync(
            "/Subjects", TestData.Form(TestData.CompleteDetails() with { Name = "北京示例科技有限公司" }),
            [("Upload.BusinessLicenceScanId", "营业执照-清晰.pdf", TestData.Pdf("clear"))], url: "/Subjects?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var approved = await reviewer.PostFormAsync($"/Review/Subjects/Detail?id={subjectId}", new() { ["Confirmed"] = "true" },
            url: $"/Review/Subjects/Detail?id={subjectId}&handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        page = await filer.GetStringAsync("/Subjects");
        Assert.Contains("data-testid=\"subject-status\">已通过<", page);
        Assert.Contains("营业执照-清晰.pdf", page);
        var history = await app.WithDb(db => db.Set<SubjectDecision>().Where(d => d.SubjectId == subjectId).ToListAsync());
        Assert.Equal([SubjectDecisionKind.Submitted, SubjectDecisionKind.Returned, SubjectDecisionKind.Submitted,
            SubjectDecisionKind.Approved],
            history.OrderBy(d => d.At).ThenBy(d => d.Kind == SubjectDecisionKind.Approved).Select(d => d.Kind));
        Assert.True(await app.WithServices(sp =>
            sp.GetRequiredService<Suanbei.Web.Features.Subjects.SubjectService>().IsApprovedAsync(filerUser.Id)));
    }

    [Fact]
    public async Task Api_saves_validates_submits_and_refuses_illegal_transitions_with_problem_details()
    {
        var filerUser = await app.CreateUserAsync(Roles.Filer);
        var api = await app.ApiClientAsync(filerUser);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/subject")).StatusCode);
        var goodId = TestData.ResidentId();
        var wrongCheck = goodId[..17] + (goodId[17] == '0' ? '1' : '0');
        var bad = await api.PutAsJsonAsync("/api/v1/subject",
            new { name = "某公司", creditCode = "91110108MA01ABCDE0", officerEmail = "not-an-email", legalRepIdNumber = wrongCheck });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith("统一社会信用代码", errors.GetProperty("creditCode")[0].GetString());
        Assert.StartsWith("算法安全责任人邮箱", errors.GetProperty("officerEmail")[0].GetString());
        Assert.StartsWith("法定代表人证件号码", errors.GetProperty("legalRepIdNumber")[0].GetString());

        var draft = await api.PutAsJsonAsync("/api/v1/subject", new { name = "某公司" });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var incomplete = await api.PostAsync("/api/v1/subject/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("请上传营业执照副本彩色扫描件", JsonDocument.Parse(await incomplete.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .GetProperty("businessLicenceScanId")[0].GetString());

        // reviewers cannot act on a draft (not submitted → not found for review)
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsync($"/api/v1/review/subjects/{id}/approve", null)).StatusCode);

        var materials = new Dictionary<string, Guid>();
        foreach (var (field, _) in SubjectDetails.MaterialFields)
        {
            var content = new MultipartFormDataContent { { new ByteArrayContent(TestData.Pdf(field)), "file", field + ".pdf" } };
            var uploaded = await api.PostAsync("/api/v1/materials", content);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            materials[char.ToLowerInvariant(field[0]) + field[1..]] = (await uploaded.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("id").GetGuid();
        }
        var body = JsonSerializer.SerializeToNode(TestData.CompleteDetails(),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        foreach (var (k, v) in materials) body[k] = v;
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/subject", body)).StatusCode);
        var submitted = await api.PostAsync("/api/v1/subject/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("待审核", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusName").GetString());

        var again = await api.PostAsync("/api/v1/subject/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不能提交", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync("/api/v1/subject", new { name = "改名" })).StatusCode);

        // filers cannot use the review API
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/review/subjects/{id}/approve", null)).StatusCode);

        var noReasons = await reviewer.PostAsJsonAsync($"/api/v1/review/subjects/{id}/return", new { reasons = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/review/subjects/{id}/approve", null)).StatusCode);
        var twice = await reviewer.PostAsync($"/api/v1/review/subjects/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync(
            $"/api/v1/review/subjects/{id}/return", new { reasons = "晚了" })).StatusCode);

        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/subject");
        Assert.True(mine.GetProperty("isApproved").GetBoolean());
        Assert.Equal("企业", mine.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_change_of_an_approved_subject_is_reviewed_again_within_10_working_days_and_stays_approved_meanwhile()
    {
        var (user, filer) = await Flows.ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(user);
        var changed = await api.PostAsJsonAsync("/api/v1/subject/change", new { eventDate = "2026-09-21" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var s = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("草稿", s.GetProperty("statusName").GetString());
        Assert.True(s.GetProperty("isApproved").GetBoolean());
        Assert.Equal("2026-09-21", s.GetProperty("changeEventDate").GetString());
        Assert.Equal(SubjectChangeDueFor20260921, s.GetProperty("changeDueDate").GetString());

        var page = await filer.GetStringAsync("/Subjects");
        Assert.Contains("data-testid=\"subject-change-due\"", page);
        Assert.Contains("data-testid=\"subject-form\"", page);
        // the change is the filer's draft: reviewers don't see it until it is submitted
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/v1/review/subjects/{s.GetProperty("id").GetGuid()}"))
            .StatusCode);
        // a second change cannot start while one is open
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/v1/subject/change", new { eventDate = "2026-09-22" }))
            .StatusCode);
    }

    [Fact]
    public async Task Concurrent_first_saves_create_exactly_one_subject_per_account()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        var api = await app.ApiClientAsync(user);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => api.PutAsJsonAsync("/api/v1/subject", new { name = $"并发公司{i}" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await app.WithDb(db => db.Set<Subject>().CountAsync(s => s.OwnerId == user.Id)));
    }

    [Fact]
    public async Task The_reviewer_sees_what_the_filer_read_off_the_officer_documents()
    {
        var filer = await Filings.FilingFixtures.ApprovedFilerAsync(app, "110108", "北京责任人材料有限公司", documentFacts: true);
        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        var page = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/Review/Subjects/Detail?id={filer.SubjectId}"));
        foreach (var (field, value) in new[]
                 {
                     ("CommitmentSignerName", "李四"), ("CommitmentSignerIdNumber", "11010519491231002X"), ("EmploymentName", "李四"),
                     ("EmploymentEmployer", "北京责任人材料有限公司"), ("EmploymentPost", "首席算法安全官"), ("EmploymentTenure", "2024-01-01至今"),
                 })
            Assert.Contains($"<dd data-field=\"{field}\">{value}</dd>", page);
        Assert.Contains("工作证明任职期限", page);
    }

    /// <summary>10 working days after 2026-09-21 on the official 2026 calendar: 9/22–9/24, 9/28–9/30, 10/8, 10/9, 10/10 (调休 Saturday),
    /// 10/12.</summary>
    private const string SubjectChangeDueFor20260921 = "2026-10-12";
}

public sealed class SubjectTestsSqlite(SqliteApp app) : SubjectTests<SqliteApp>(app);
public sealed class SubjectTestsPostgres(PostgresApp app) : SubjectTests<PostgresApp>(app);
