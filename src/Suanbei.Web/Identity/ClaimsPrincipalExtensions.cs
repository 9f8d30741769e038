using System.Security.Claims;

namespace Suanbei.Web.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The account id (AppUser.Id) of a signed-in user or API token holder.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("not signed in");

    public static bool IsReviewerOrAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Admin);

    /// <summary>The <see cref="Policies.ReviewAction"/> rule: a reviewer that is not also an administrator.</summary>
    public static bool MayTakeReviewActions(this ClaimsPrincipal user) => user.IsInRole(Roles.Reviewer) && !user.IsInRole(Roles.Admin);
}
