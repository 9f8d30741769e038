using System.Security.Claims;
using Suanbei.Core.Organisations;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Who acts on webhooks and for which organisation: the organisation the request acts for (switcher, API header,
/// consultancy mandate — decided once, by the organisation claims), the member, how the change record names them, and
/// their role there. An account acting for no organisation has no role and manages nothing.
/// </summary>
public sealed record WebhookActor(string OrganisationId, string UserId, string Name, MemberRole? Role)
{
    public bool MayManage => Role is { } role && MemberRoles.MayManageWebhooks(role);

    public static WebhookActor Of(ClaimsPrincipal user) => new(user.OrganisationId(), user.UserId(), user.ActingName(),
        user.HasOrganisation() && Enum.TryParse<MemberRole>(user.FindFirstValue(OrganisationClaims.RoleType), out var role) ? role : null);
}
