using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings.Checks;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Registry.Store;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Step ④ 确认提交: everything entered, what is still missing (per field, with the step to fix it), the 备案预审 report,
/// and submit — refused while a field is missing or a 阻断 finding stands.
/// </summary>
public sealed class ConfirmModel(FilingService filings, SuanbeiDbContext db, MaterialStore store, RegistrySimilarity registry)
    : FilingPageModel(filings, db, store)
{
    public IReadOnlyList<MissingField> Missing { get; private set; } = [];
    public FilingSnapshots.CheckRun? Check { get; private set; }
    public bool CanSubmit => Editable && Missing.Count == 0 && Check is { Report.Blocks: false };

    private async Task LoadStateAsync()
    {
        await LoadSummaryAsync();
        if (!Editable) return;
        Missing = Filing.MissingFields();
        Check = await FilingSnapshots.RunAsync(Db, Filing, Filings.Now, registry, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await LoadStateAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        FilingService.SubmitOutcome? outcome = null;
        if (!await TryAsync(async () => outcome = await Filings.SubmitAsync(Filing, Actor)))
        {
            await LoadStateAsync();
            return Page();
        }
        if (outcome!.Submitted)
        {
            TempData["Message"] = "已提交，等待审核。";
            return Redirect($"/filings/{id}");
        }
        await LoadStateAsync();
        ModelState.AddModelError("", outcome.Missing.Count > 0 ? "备案信息不完整，请补全后再提交。" : "备案预审存在阻断项，修改后才能提交。");
        return Page();
    }
}
