using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Materials;

/// <summary>Decides who may download a material: its owner always; anyone else only when some <see cref="IMaterialAccessRule"/> says
/// so.</summary>
public sealed class MaterialAccess(IEnumerable<IMaterialAccessRule> rules)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Material material, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.OrganisationId() == material.OwnerId) return true; // the organisation the request acts for
        foreach (var rule in rules)
            if (await rule.AllowsAsync(user, material, ct)) return true;
        return false;
    }
}
