using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Materials;

/// <summary>
/// One reason, besides ownership, why a user may read a material. The filing helper registers a rule for materials
/// attached to submitted algorithm filings: <c>services.AddScoped&lt;IMaterialAccessRule, MyRule&gt;()</c>.
/// </summary>
public interface IMaterialAccessRule
{
    Task<bool> AllowsAsync(ClaimsPrincipal user, Material material, CancellationToken ct);
}
