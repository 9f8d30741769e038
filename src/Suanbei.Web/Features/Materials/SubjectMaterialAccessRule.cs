using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Materials;

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
