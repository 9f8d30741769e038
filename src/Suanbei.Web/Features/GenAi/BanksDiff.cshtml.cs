using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi.Banks;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// 题库版本比较: two versions of the owner's banks — items added, removed and changed, and each risk's count before and
/// after. Either version of another account is not found.
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class BanksDiffModel(SuanbeiDbContext db) : PageModel
{
    public const int Shown = 200;

    public BankCheck? From { get; private set; }
    public BankCheck? To { get; private set; }
    public BankDiff? Diff { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? from, Guid? to, CancellationToken ct)
    {
        if (from is null || to is null) return RedirectToPage("/GenAi/Banks");
        var owner = User.OrganisationId();
        From = await db.Set<BankCheck>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == from && c.OwnerId == owner, ct);
        To = await db.Set<BankCheck>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == to && c.OwnerId == owner, ct);
        if (From is null || To is null) return NotFound();
        if (From.ItemsJson is null || To.ItemsJson is null)
            Error = "其中一个版本是在保存条目之前检查的，只能比较各风险的数量；请重新上传该版本以比较条目。";
        else
            Diff = BankDiff.Compare(Items(From), Items(To));
        return Page();
    }

    private static List<BankItem> Items(BankCheck c) => JsonSerializer.Deserialize<List<BankItem>>(c.ItemsJson!, BanksModel.Json) ?? [];

    /// <summary>Each code's valid-item count in the two versions' quota checks, for versions without items too.</summary>
    public IReadOnlyList<CodeDelta> CountDeltas()
    {
        if (Diff is not null) return Diff.ByCode;
        var before = JsonSerializer.Deserialize<BankReport>(From!.ReportJson, BanksModel.Json)!.ByRisk;
        var after = JsonSerializer.Deserialize<BankReport>(To!.ReportJson, BanksModel.Json)!.ByRisk;
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(c => new CodeDelta(c, before.GetValueOrDefault(c), after.GetValueOrDefault(c))).ToList();
    }
}
