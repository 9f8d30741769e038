using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suanbei.Web.Data;

namespace Suanbei.Web.Identity;

/// <summary>Authenticates "Authorization: Bearer sb_…" against the stored token hashes; the principal carries the user's roles.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SuanbeiDbContext db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var plain = header["Bearer ".Length..].Trim();
        if (plain.Length is < 10 or > 200) return AuthenticateResult.Fail("malformed token");
        var hash = ApiToken.Hash(plain);
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null);
        if (token is null) return AuthenticateResult.Fail("unknown or revoked token");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null) return AuthenticateResult.Fail("account gone");
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow()) return AuthenticateResult.Fail("account locked");
        token.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "需要 API 令牌",
            detail: "请在请求头中提供 Authorization: Bearer <令牌>（在“账号 → API 令牌”页面创建）").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var auth = await HandleAuthenticateOnceSafeAsync();
        var detail = auth.Principal is { } p && MustChangePasswordMiddleware.MustChange(p) ? MustChangePasswordMiddleware.ApiRefusal
            : auth.Principal is { } q && q.IsInRole(Roles.Admin) && !q.MayTakeReviewActions() && Request.Method != "GET"
                && Request.Path.StartsWithSegments("/api/v1/review")
                ? "管理员不参与审核（审核与管理职责分离）：审核决定只能由审核员作出"
                : "当前账号的角色不允许此操作";
        await Results.Problem(statusCode: 403, title: "无权访问", detail: detail).ExecuteAsync(Context);
    }
}
