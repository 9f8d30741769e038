using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Suanbei.Web.Data;

namespace Suanbei.Web.Identity;

/// <summary>Adds the "must change password" flag to the cookie so the middleware can redirect without a database query.</summary>
public sealed class SuanbeiClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "suanbei:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "1"));
        return identity;
    }
}
