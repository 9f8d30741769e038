using Suanbei.Core;
using Suanbei.Core.Organisations;

namespace Suanbei.Web.Features.Organisations;

/// <summary>A pending invitation as <c>GET /api/v1/organisations/{id}/invitations</c> lists it (never its token).</summary>
public sealed record InvitationResponse(Guid Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationResponse Of(Invitation i) => new(i.Id, i.Email, DisplayNames.Of(i.Role), i.CreatedAt, i.ExpiresAt);
}
