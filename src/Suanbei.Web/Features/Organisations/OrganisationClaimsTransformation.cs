using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// The one place that decides which organisation a request acts for and what it may do there: on every authenticated
/// request (cookie or API token) it reads the account's memberships and standing consents, takes the organisation the
/// request asks for (the <see cref="HeaderName"/> header for the API, the switcher's cookie for pages) when allowed,
/// and adds <see cref="OrganisationClaims"/>. The memberships and consents come from <see cref="MembershipCache"/> while
/// the node listens for their changes, else from the database, so a removal or a revoked consent takes effect on the
/// next request (on another node: as soon as the commit's notification reaches it).
/// </summary>
public sealed class OrganisationClaimsTransformation(OrganisationService organisations, MembershipCache memberships,
    IHttpContextAccessor http) : IClaimsTransformation
{
    public const string CookieName = "suanbei.org";
    public const string HeaderName = "X-Suanbei-Organisation";

    private (string UserId, List<OrganisationService.Choice> Choices, OrganisationService.Choice? Acting)? _resolved;

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasOrganisation() || !principal.IsInRole(Roles.Filer))
            return principal;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return principal;
        var acting = (await ResolveAsync(userId, principal.Identity.Name)).Acting;
        if (acting is null) return principal;
        var copy = principal.Clone();
        copy.AddIdentity(new ClaimsIdentity(
        [
            new Claim(OrganisationClaims.IdType, acting.Id),
            new Claim(OrganisationClaims.RoleType, acting.Role.ToString()),
            new Claim(OrganisationClaims.ActingNameType, acting.ActingName(principal.Identity.Name ?? userId)),
        ]));
        return copy;
    }

    /// <summary>The account's choices and the one this request acts for (computed once per request).</summary>
    public async Task<(List<OrganisationService.Choice> Choices, OrganisationService.Choice? Acting)> ResolveAsync(string userId,
        string? email)
    {
        if (_resolved is { } r && r.UserId == userId) return (r.Choices, r.Acting);
        var context = http.HttpContext;
        var requested = context?.Request.Headers[HeaderName].FirstOrDefault() ?? context?.Request.Cookies[CookieName];
        if (!memberships.TryGet(userId, out var choices))
        {
            var seen = memberships.Changes;
            choices = await organisations.ChoicesAsync(userId, email, ensurePersonal: true, context?.RequestAborted ?? default);
            memberships.Keep(userId, choices, seen);
        }
        var acting = OrganisationService.Pick(choices, userId, requested);
        _resolved = (userId, choices, acting);
        return (choices, acting);
    }
}
