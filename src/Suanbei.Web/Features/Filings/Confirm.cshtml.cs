using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings;

/// <summary>Step ④ 确认提交: everything entered, what is still missing (per field, with the step to fix it), submit.</summary>
public sealed class ConfirmModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : FilingPageModel(filings, db, store)
{
    public IReadOnlyList<MissingField> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await LoadSummaryAsync();
        Missing = Filing.Status == FilingStatus.Draft ? Filing.MissingFields() : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await LoadSummaryAsync();
        IReadOnlyList<MissingField> missing = [];
        if (!await TryAsync(async () => missing = await Filings.SubmitAsync(Filing, Actor))) return Page();
        if (missing.Count > 0)
        {
            Missing = missing;
            ModelState.AddModelError("", "备案信息不完整，请补全后再提交。");
            return Page();
        }
        TempData["Message"] = "已提交，等待审核。";
        return Redirect($"/Filings/{id}");
    }

    /// <summary>The id of the element to jump to for a field on its step page.</summary>
    public static string AnchorOf(string field) => field switch
    {
        FilingFields.SelfAssessmentReport => "Input_SelfAssessmentReport",
        FilingFields.DisclosureDocument => "Input_DisclosureDocument",
        FilingFields.InputModalities => "Input_InputModalities_Text",
        FilingFields.OutputModalities => "Input_OutputModalities_Text",
        FilingFields.Labeling => "labeling",
        FilingFields.LinkedProducts or FilingFields.ServiceMode => "filing-products",
        _ => "Input_" + field,
    };

    /// <summary>Which step holds a field (for the "去填写" links).</summary>
    public static string StepOf(string field) => field switch
    {
        FilingFields.Name or FilingFields.Type or FilingFields.Domain or FilingFields.LaunchDate or FilingFields.Role
            or FilingFields.MainPurpose or FilingFields.SelfAssessmentReport or FilingFields.DisclosureDocument => "Basic",
        FilingFields.LinkedProducts or FilingFields.ServiceMode => "Products",
        _ => "Details",
    };
}
