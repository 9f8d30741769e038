using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>Reviewers may read materials attached to an algorithm filing that has been submitted (never a private draft).</summary>
public sealed class FilingMaterialAccessRule(SuanbeiDbContext db) : IMaterialAccessRule
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, Material material, CancellationToken ct)
    {
        if (!user.IsReviewerOrAdmin()) return false;
        var id = (Guid?)material.Id;
        var submitted = db.Set<AlgorithmFiling>().Where(f => f.OwnerUserId == material.OwnerId && f.SubmittedAt != null);
        return await submitted.AnyAsync(f => f.SelfAssessmentReportId == id || f.DisclosureDocumentId == id, ct)
            || await submitted.SelectMany(f => f.Labeling).AnyAsync(l => l.ExampleMaterialId == id, ct);
    }
}
