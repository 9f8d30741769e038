using Microsoft.EntityFrameworkCore;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiFilings;

// Stand-in for the allocator the genainumbers branch provides (same name and signature); deleted when that branch is
// merged. Not safe under concurrency: the real one is.
public sealed class GenerativeAiNumberAllocator(SuanbeiDbContext db)
{
    public async Task<string> IssueAsync(GenerativeAiFilingKind kind, string province, string romanisedModelName, DateOnly date,
        CancellationToken ct)
    {
        var place = Regions.Resolve(province)?.Pinyin ?? province;
        var stem = $"{place}-{romanisedModelName}-{date:yyyyMMdd}";
        if (kind == GenerativeAiFilingKind.Filing) return stem;
        var taken = await db.Set<GenerativeAiFiling>().CountAsync(f => f.Number != null && f.Number.StartsWith(stem + "S"), ct);
        return $"{stem}S{taken + 1:D4}";
    }
}

// Stand-in for Suanbei.Core.Identifiers.Pinyin of the genainumbers branch; deleted at the merge.
internal static class Pinyin
{
    public static string Romanise(string chineseName) =>
        new(chineseName.Where(char.IsAsciiLetterOrDigit).ToArray());
}
