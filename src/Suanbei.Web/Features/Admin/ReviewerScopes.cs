using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Admin;

/// <summary>
/// The provinces each reviewer is scoped to (none: nationwide). <see cref="MayReviewAsync"/> is what a provincial
/// review step asks (the generative-AI filing's provincial level); the rule itself is <see cref="ReviewerScope"/>.
/// </summary>
public sealed class ReviewerScopes(SuanbeiDbContext db)
{
    public async Task<List<string>> ProvincesAsync(string reviewerId, CancellationToken ct = default) =>
        (await db.Set<ReviewerProvince>().Where(p => p.UserId == reviewerId).Select(p => p.ProvinceCode).ToListAsync(ct))
        .Order(StringComparer.Ordinal).ToList();

    public async Task<bool> MayReviewAsync(string reviewerId, string? province, CancellationToken ct = default) =>
        ReviewerScope.MayReview(await ProvincesAsync(reviewerId, ct), province);

    /// <summary>
    /// Replaces a reviewer's provinces from text an administrator typed (names, abbreviations or codes separated by
    /// commas, 、 or spaces; empty = nationwide). Returns the Chinese error naming what was not understood, else null.
    /// </summary>
    public async Task<string?> SetAsync(string reviewerId, string? text, CancellationToken ct = default)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split([',', '，', '、', ';', '；', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Regions.Resolve(part) is not { } p) return $"「审核省份」中的“{part}”不是省级行政区。";
            codes.Add(p.Code);
        }
        var existing = await db.Set<ReviewerProvince>().Where(p => p.UserId == reviewerId).ToListAsync(ct);
        db.RemoveRange(existing.Where(p => !codes.Contains(p.ProvinceCode)));
        db.AddRange(codes.Where(c => existing.All(p => p.ProvinceCode != c)).Select(c => new ReviewerProvince(reviewerId, c)));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
