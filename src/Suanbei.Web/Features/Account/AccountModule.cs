using Microsoft.AspNetCore.Identity;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Account;

/// <summary>GET /api/v1/me — who the token belongs to.</summary>
public sealed class AccountModule : IFeatureModule
{
    public void MapApi(RouteGroupBuilder api) =>
        api.MapGet("/me", async (HttpContext http, UserManager<AppUser> users) =>
        {
            var user = await users.FindByIdAsync(http.User.UserId());
            return user is null ? Results.NotFound() : Results.Ok(
                new MeResponse(user.Id, user.Email ?? "", await users.GetRolesAsync(user) is var r ? r.ToList() : []));
        }).WithTags("账号").WithSummary("当前令牌所属账号").Produces<MeResponse>();
}
