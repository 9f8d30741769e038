using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Suanbei.Web.Data;

namespace Suanbei.Web.Identity;

/// <summary>
/// An account still on its one-time password can do nothing but change it (or sign out): every other page, GET or POST,
/// is redirected to the change-password page, so no form (API tokens included) takes effect. Bearer-token API calls of
/// such an account are refused by the <see cref="Policies.Api"/> policy (403, <see cref="ApiRefusal"/>).
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/manage/changepassword";
    public const string ApiRefusal = "本账号仍在使用一次性密码：请先登录网页修改密码，之后才能使用 API 和其他功能。";

    /// <summary>What such an account may still reach: the change-password page, sign-in/out, static assets, error pages.</summary>
    private static readonly string[] Allowed = [ChangePasswordPath, "/account/logout", "/account/login", "/account/accessdenied", "/assets",
        "/error"];

    public static bool MustChange(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == SuanbeiClaimsPrincipalFactory.MustChangePasswordClaim);

    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (MustChange(http.User) && !path.StartsWithSegments("/api") && !Allowed.Any(a => path.StartsWithSegments(a)))
        {
            // 303: a refused POST continues as a GET of the change-password page.
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = ChangePasswordPath;
            return Task.CompletedTask;
        }
        return next(http);
    }
}
