using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>Reviewers may read materials attached to a generative-AI filing that has been submitted (never a private draft).</summary>
public sealed class GenAiMaterialAccessRule(SuanbeiDbContext db) : IMaterialAccessRule
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, Material material, CancellationToken ct)
    {
        if (!user.IsReviewerOrAdmin()) return false;
        return await db.Set<GenerativeAiFiling>().Where(f => f.OwnerUserId == material.OwnerId && f.SubmittedAt != null)
            .SelectMany(f => f.Materials)
            .AnyAsync(m => m.MaterialId == material.Id && m.Source == GenerativeAiMaterialSource.Upload, ct);
    }
}
