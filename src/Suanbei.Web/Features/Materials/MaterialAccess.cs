using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Subjects;
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

/// <summary>Reviewers and administrators may read the materials of a subject filing that has been submitted (not of a draft).</summary>
public sealed class SubjectMaterialAccessRule(SuanbeiDbContext db) : IMaterialAccessRule
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, Material material, CancellationToken ct)
    {
        if (!user.IsReviewerOrAdmin()) return false;
        var id = (Guid?)material.Id;
        return await db.Set<Subject>().AnyAsync(s => s.OwnerId == material.OwnerId && s.SubmittedAt != null &&
            (s.BusinessLicenceScanId == id || s.LegalRepIdScanId == id || s.OfficerIdScanId == id || s.OfficerEmploymentProofId == id ||
             s.OfficerCommitmentId == id || s.FilingCommitmentId == id || s.ResponsibilityReportId == id), ct);
    }
}
