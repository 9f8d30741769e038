using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

public abstract class AccountTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Register_creates_a_filer_who_then_signs_in()
    {
        var email = TestApp.NewEmail("reg");
        var client = app.Client();
        var response = await client.PostFormAsync("/Account/Register", new()
        {
            ["Input.Email"] = email, ["Input.Password"] = "goodpassword9", ["Input.ConfirmPassword"] = "goodpassword9",
        });
        // Registering signs nobody in (the answer must not differ for an address that already has an account).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fsubjects", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);
        client = await app.SignInAsync(email, "goodpassword9");
        var account = await client.GetStringAsync("/Account/Manage");
        Assert.Contains(email, account);
        Assert.Contains("备案主体", account);

        var roles = await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.Equal([Roles.Filer], roles);

        var again = await app.SignInAsync(email, "goodpassword9");
        Assert.Contains(email, await again.GetStringAsync("/Account/Manage"));
    }

    [Fact]
    public async Task Registration_errors_are_shown_next_to_the_field_in_Chinese()
    {
        var client = app.Client();
        var response = await client.PostFormAsync("/Account/Register", new()
        {
            ["Input.Email"] = "not-an-email", ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "other",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("邮箱格式不正确", html);
        Assert.Contains("两次输入的密码不一致", html);
        Assert.Contains("data-valmsg-for=\"Input.Email\"", html);

        response = await client.PostFormAsync("/Account/Register", new()
        {
            ["Input.Email"] = TestApp.NewEmail(), ["Input.Password"] = "short1", ["Input.ConfirmPassword"] = "short1",
        });
        html = await response.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要10个字符", html);
    }

    [Fact]
    public async Task Registration_does_not_tell_whether_an_email_is_registered()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        async Task<(HttpStatusCode, string?, bool, string)> RegisterAsync(string email)
        {
            var client = app.Client();
            var response = await client.PostFormAsync("/Account/Register", new()
            {
                ["Input.Email"] = email, ["Input.Password"] = "otherpassword9", ["Input.ConfirmPassword"] = "otherpassword9",
            });
            var cookie = response.Headers.TryGetValues("Set-Cookie", out var c) && c.Any(v => v.StartsWith("suanbei.auth"));
            var next = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
            var flash = System.Text.RegularExpressions.Regex.Match(next, "data-testid=\"flash\"[^>]*>([^<]+)<").Groups[1].Value;
            return (response.StatusCode, response.Headers.Location?.OriginalString, cookie, flash);
        }
        var existing = await RegisterAsync(user.Email!);
        var fresh = await RegisterAsync(TestApp.NewEmail("new"));
        Assert.Equal(fresh, existing);
        Assert.Contains("注册申请已受理", existing.Item4);
        Assert.DoesNotContain("已注册", existing.Item4);
        // The existing account keeps its password; the registration attempt changed nothing.
        await app.SignInAsync(user.Email!);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(user.Email!, "otherpassword9"));
    }

    [Fact]
    public async Task Posting_a_form_without_the_antiforgery_token_is_rejected()
    {
        var client = app.Client();
        var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.NewEmail(), ["Input.Password"] = "goodpassword9", ["Input.ConfirmPassword"] = "goodpassword9",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // …and a signed-in user's form (token API page) too
        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        response = await filer.PostAsync("/Account/Manage/Tokens?handler=Create",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/Account/Login",
                new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrongpassword1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await client.PostFormAsync("/Account/Login",
            new() { ["Input.Email"] = user.Email!, ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已被锁定", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_require_the_right_role()
    {
        var anonymous = await app.Client().GetAsync("/Subjects");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);

        var (_, filer) = await app.SignedInAsync(Roles.Filer);
        var denied = await filer.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/accessdenied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await filer.GetAsync("/Review/Subjects")).StatusCode);

        var (_, reviewer) = await app.SignedInAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync("/Subjects")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_a_reviewer_with_a_one_time_password_that_must_be_changed()
    {
        var (_, admin) = await app.SignedInAsync(Roles.Admin);
        var email = TestApp.NewEmail("rev");
        var response = await admin.PostFormAsync("/Admin/Users",
            new() { ["Input.Email"] = email, ["Input.Role"] = Roles.Reviewer, ["Input.Password"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"created-password\">([^<]+)<").Groups[1].Value;
        Assert.Equal(16, password.Length);

        var reviewer = await app.SignInAsync(email, password);
        var first = await reviewer.GetAsync("/Review/Subjects");
        Assert.Equal("/account/manage/changepassword", first.Headers.Location?.OriginalString);
        var changed = await reviewer.PostFormAsync("/Account/Manage/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "reviewerpass1", ["Input.ConfirmPassword"] = "reviewerpass1",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/Review/Subjects")).StatusCode);

        // filers cannot be created by an admin through this form, and only admins may use it
        var refused = await admin.PostFormAsync("/Admin/Users",
            new() { ["Input.Email"] = TestApp.NewEmail(), ["Input.Role"] = Roles.Filer });
        Assert.Contains("只能创建审核员或管理员", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_requires_a_bearer_token_and_answers_with_problem_details()
    {
        var anonymous = await new HttpClient { BaseAddress = app.BaseAddress }.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("令牌", problem.GetProperty("title").GetString());

        // a signed-in browser cookie is not an API credential
        var (user, cookieClient) = await app.SignedInAsync(Roles.Filer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookieClient.GetAsync("/api/v1/me")).StatusCode);

        var bad = new HttpClient { BaseAddress = app.BaseAddress };
        bad.DefaultRequestHeaders.Authorization = new("Bearer", "sb_notarealtokenatallxxxxxxxxxxxxxxxxxxxxxxxxxx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/v1/me")).StatusCode);

        var api = await app.ApiClientAsync(user);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal(Roles.Filer, me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Token_created_on_the_account_page_works_until_revoked_and_only_its_hash_is_stored()
    {
        var (user, client) = await app.SignedInAsync(Roles.Filer);
        var page = await client.PostFormAsync("/Account/Manage/Tokens", new() { ["Name"] = "ci" },
            url: "/Account/Manage/Tokens?handler=Create");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"new-token\">(sb_[^<]+)<").Groups[1].Value;
        Assert.StartsWith("sb_", token);

        var stored = await app.WithDb(db => Task.FromResult(db.Set<ApiToken>().Where(t => t.UserId == user.Id).ToList()));
        var row = Assert.Single(stored);
        Assert.Equal(ApiToken.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, row.TokenHash + row.Prefix + row.Name);

        var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var revoke = await client.PostFormAsync("/Account/Manage/Tokens", new(), url: $"/Account/Manage/Tokens?handler=Revoke&id={row.Id}");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Admin_api_creates_reviewers_and_only_admins_may_use_it()
    {
        var admin = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Admin));
        var email = TestApp.NewEmail("apirev");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, role = "reviewer" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var password = body.GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(Roles.Reviewer, body.GetProperty("user").GetProperty("roles")[0].GetString());
        var reviewerPages = await app.SignInAsync(email, password);
        Assert.Equal("/account/manage/changepassword", (await reviewerPages.GetAsync("/Review/Subjects")).Headers.Location?.OriginalString);

        var bad = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "", role = "filer" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("邮箱不能为空", errors.GetProperty("email")[0].GetString());
        Assert.Contains("备案主体请自行注册", errors.GetProperty("role")[0].GetString());
        var dup = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, role = "reviewer" });
        Assert.Contains("已注册", JsonDocument.Parse(await dup.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .GetProperty("email")[0].GetString());

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("email").GetString() == email);

        var reviewerApi = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerApi.GetAsync("/api/v1/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerApi.PostAsJsonAsync(
            "/api/v1/admin/users", new { email = TestApp.NewEmail(), role = "admin" })).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_is_served()
    {
        var doc = await new HttpClient { BaseAddress = app.BaseAddress }.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        foreach (var path in new[] { "/api/v1/me", "/api/v1/subject", "/api/v1/subject/submit", "/api/v1/review/subjects/{id}/approve",
                     "/api/v1/products", "/api/v1/products/{id}/functions", "/api/v1/materials", "/api/v1/materials/{id}" })
            Assert.True(doc.GetProperty("paths").TryGetProperty(path, out _), path);
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken").GetProperty("scheme")
            .GetString());
    }

    [Fact]
    public async Task Embedded_stylesheet_is_served_without_any_static_files_folder()
    {
        var client = app.Client();
        var html = await client.GetStringAsync("/");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/assets/site.css[^\"]*)\"").Groups[1].Value;
        var css = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".field-validation-error", await css.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/..%2Fsuanbei.db")).StatusCode);
        Assert.Contains("算法备案系统", html); // Chinese is not entity-encoded
    }
}

public sealed class AccountTestsSqlite(SqliteApp app) : AccountTests<SqliteApp>(app);
public sealed class AccountTestsPostgres(PostgresApp app) : AccountTests<PostgresApp>(app);
