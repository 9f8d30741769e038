using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests;

/// <summary>
/// Separation of duties and the one-time password: administrators read the review console but take no review action
/// (pages and API, subjects and filings); an account still on its one-time password can only change it.
/// </summary>
public abstract class PrivilegeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private async Task<Guid> SubmittedSubjectAsync()
    {
        var (user, filer) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.Redirect, (await Flows.SubmitCompleteSubjectAsync(filer)).StatusCode);
        return (await (await app.ApiClientAsync(user)).GetFromJsonAsync<JsonElement>("/api/v1/subject")).GetProperty("id").GetGuid();
    }

    private Task<SubjectStatus> StatusAsync(Guid id) =>
        app.WithDb(db => db.Set<Subject>().Where(s => s.Id == id).Select(s => s.Status).SingleAsync());

    [Fact]
    public async Task Administrators_take_no_review_action_on_subjects_through_the_api_or_the_pages()
    {
        var id = await SubmittedSubjectAsync();
        var admin = await app.CreateUserAsync(Roles.Admin);
        var adminApi = await app.ApiClientAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await adminApi.GetAsync($"/api/v1/review/subjects/{id}")).StatusCode); // reading is allowed
        var approve = await adminApi.PostAsync($"/api/v1/review/subjects/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Contains("管理员不参与审核", (await approve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await adminApi.PostAsJsonAsync(
            $"/api/v1/review/subjects/{id}/return", new { reasons = "x" })).StatusCode);

        var adminPages = await app.SignInAsync(admin.Email!);
        var detail = await adminPages.GetStringAsync($"/Review/Subjects/Detail?id={id}");
        Assert.Contains("不参与审核", detail);
        Assert.DoesNotContain("data-testid=\"subject-approve\"", detail);
        var posted = await adminPages.PostFormAsync($"/Review/Subjects/Detail?id={id}", new(),
            $"/Review/Subjects/Detail?id={id}&handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("/account/accessdenied", posted.Headers.Location!.OriginalString);
        Assert.Equal(SubjectStatus.Submitted, await StatusAsync(id));

        // An account that is both reviewer and administrator is treated as an administrator.
        var both = await app.CreateUserAsync(Roles.Reviewer);
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return (await users.AddToRoleAsync((await users.FindByIdAsync(both.Id))!, Roles.Admin)).Succeeded;
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ApiClientAsync(both))
            .PostAsync($"/api/v1/review/subjects/{id}/approve", null)).StatusCode);

        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/review/subjects/{id}/approve", null)).StatusCode);
        Assert.Equal(SubjectStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task Administrators_take_no_review_action_on_algorithm_filings()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        var adminApi = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await adminApi.GetAsync($"/api/v1/review/filings/{id}")).StatusCode);
        foreach (var action in new[] { "start-first-review", "return", "refuse" })
            Assert.Equal(HttpStatusCode.Forbidden, (await adminApi.PostAsJsonAsync(
                $"/api/v1/review/filings/{id}/{action}", new { reason = "x" })).StatusCode);
        var filing = await Ok(await api.GetAsync($"/api/v1/filings/{id}"));
        Assert.Equal("Submitted", filing.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_account_on_its_one_time_password_can_do_nothing_but_change_it()
    {
        var email = TestApp.NewEmail("otp");
        var created = await app.WithServices(sp => UserAdministration.CreateUserAsync(
            sp.GetRequiredService<UserManager<AppUser>>(), email, Roles.Reviewer, null, DateTimeOffset.UtcNow));
        var browser = await app.SignInAsync(email, created.Password);

        // Pages: GET and POST both end on the change-password page; no API token is created.
        Assert.Equal("/account/manage/changepassword", (await browser.GetAsync("/Account/Manage/Tokens")).Headers.Location?.OriginalString);
        var create = await browser.PostFormAsync("/Account/Manage/ChangePassword", new() { ["Name"] = "ci" },
            "/Account/Manage/Tokens?handler=Create");
        Assert.Equal(HttpStatusCode.SeeOther, create.StatusCode);
        Assert.Equal("/account/manage/changepassword", create.Headers.Location?.OriginalString);
        Assert.Equal(0, await app.WithDb(db => db.Set<ApiToken>().CountAsync(t => t.UserId == created.User.Id)));

        // API: a token made before (or by other means) is refused with a Chinese problem.
        var api = await app.ApiClientAsync(created.User);
        var me = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Contains("一次性密码", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/review/subjects")).StatusCode);

        // After the change everything works.
        var changed = await browser.PostFormAsync("/Account/Manage/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = created.Password, ["Input.NewPassword"] = "reviewerpass1",
            ["Input.ConfirmPassword"] = "reviewerpass1",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage/Tokens")).StatusCode);
    }
}

public sealed class PrivilegeTestsSqlite(SqliteApp app) : PrivilegeTests<SqliteApp>(app);
public sealed class PrivilegeTestsPostgres(PostgresApp app) : PrivilegeTests<PostgresApp>(app);
