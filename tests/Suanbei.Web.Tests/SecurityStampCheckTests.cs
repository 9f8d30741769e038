using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

/// <summary>
/// A sign-in cookie's security stamp is checked against the database once the validation interval has passed since the
/// cookie was issued, and only then (so a signed-in page asks nothing of the database, nor builds Identity's validator).
/// </summary>
public sealed class SecurityStampCheckTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_cookie_past_the_interval_is_checked_against_the_stamp_and_renewed_and_a_changed_stamp_signs_it_out()
    {
        var user = await app.CreateUserAsync(Roles.Filer);
        var interval = app.App.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        var due = await CookieAsync(user, DateTimeOffset.UtcNow - interval - TimeSpan.FromMinutes(1));
        var fresh = await CookieAsync(user, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1));

        var checkedOk = await GetAsync(due);
        Assert.Equal(HttpStatusCode.OK, checkedOk.StatusCode);
        Assert.Contains(AuthCookies(checkedOk), c => !c.StartsWith("suanbei.auth=;", StringComparison.Ordinal)); // renewed
        var notDue = await GetAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, notDue.StatusCode);
        Assert.Empty(AuthCookies(notDue));

        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        });
        var rejected = await GetAsync(due);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal("/account/login", rejected.Headers.Location!.AbsolutePath, StringComparer.OrdinalIgnoreCase);
        // Within the interval the cookie is trusted without a check, as Identity does.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task The_validator_runs_only_when_the_cookie_has_no_issue_time_or_is_older_than_the_interval()
    {
        var calls = 0;
        var events = new CookieAuthenticationEvents { OnValidatePrincipal = _ => { calls++; return Task.CompletedTask; } };
        SecurityStampCheck.OnlyWhenDue(events);
        var now = new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
        var services = new ServiceCollection().Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(10);
            o.TimeProvider = new FixedClock(now);
        }).BuildServiceProvider();

        async Task<int> CallsFor(DateTimeOffset? issued)
        {
            calls = 0;
            var context = new CookieValidatePrincipalContext(new DefaultHttpContext { RequestServices = services },
                new AuthenticationScheme("c", null, typeof(CookieAuthenticationHandler)), new CookieAuthenticationOptions(),
                new AuthenticationTicket(new(), new AuthenticationProperties { IssuedUtc = issued }, "c"));
            await events.ValidatePrincipal(context);
            return calls;
        }

        Assert.Equal(0, await CallsFor(now - TimeSpan.FromMinutes(9)));
        Assert.Equal(0, await CallsFor(now - TimeSpan.FromMinutes(10)));
        Assert.Equal(1, await CallsFor(now - TimeSpan.FromMinutes(11)));
        Assert.Equal(1, await CallsFor(null));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A sign-in cookie of the account as the app issues it, but issued at <paramref name="issued"/>.</summary>
    private Task<string> CookieAsync(AppUser user, DateTimeOffset issued) => app.WithServices(async sp =>
    {
        var principal = await sp.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = DateTimeOffset.UtcNow.AddDays(1) },
            IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Protect(ticket);
    });

    private async Task<HttpResponseMessage> GetAsync(string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/filings");
        request.Headers.Add("Cookie", "suanbei.auth=" + cookie);
        return await client.SendAsync(request);
    }

    private static List<string> AuthCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith("suanbei.auth=", StringComparison.Ordinal)).ToList()
            : [];
}
