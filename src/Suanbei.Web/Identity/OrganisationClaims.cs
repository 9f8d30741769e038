using System.Security.Claims;

namespace Suanbei.Web.Identity;

/// <summary>
/// The organisation a request acts for, as claims added to the signed-in principal on every request (cookie or API
/// token) by <c>Features/Organisations/OrganisationClaimsTransformation</c> from the account's current memberships —
/// so a removed member loses access at once. Data is scoped by <see cref="OrganisationId"/>; the actor stays
/// <see cref="ClaimsPrincipalExtensions.UserId"/>.
/// </summary>
public static class OrganisationClaims
{
    public const string IdType = "suanbei:org";
    public const string RoleType = "suanbei:org-role";
    public const string ActingNameType = "suanbei:acting-name";

    /// <summary>
    /// The id of the organisation whose data this request reads and writes (the rows' <c>OwnerId</c>). An account that
    /// acts for none (a reviewer or administrator) is scoped to its own id, which owns no filer's data.
    /// </summary>
    public static string OrganisationId(this ClaimsPrincipal user) => user.FindFirstValue(IdType) ?? user.UserId();

    public static bool HasOrganisation(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == IdType);

    /// <summary>False for a viewer (只读): the read-only filter refuses its writes with 403.</summary>
    public static bool MayWriteOrganisationData(this ClaimsPrincipal user) =>
        user.FindFirstValue(RoleType) is not { } role || role != nameof(Core.Organisations.MemberRole.Viewer);

    /// <summary>How the audit trail names this member: the account, and for a consultancy "…（机构）代表 客户".</summary>
    public static string ActingName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ActingNameType) ?? user.Identity?.Name ?? user.UserId();
}
