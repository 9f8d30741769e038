using Microsoft.AspNetCore.Mvc;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>One filing for its filer: everything entered, what is missing, submission, the trail, change and cancellation.</summary>
public sealed class ViewModel(GenAiFilingService filings, GenAiToolkitMaterials toolkit) : GenAiPageModel(filings)
{
    /// <summary>The materials linked from the toolkit, and the pre-submission warnings for those that miss a quota.</summary>
    public IReadOnlyList<GenAiLinkedMaterial> Linked { get; private set; } = [];
    public IReadOnlyList<string> Warnings => GenAiToolkitMaterials.Warnings(Linked);
    public ReviewClock Clock { get; private set; } = null!;
    public IReadOnlyList<GenerativeAiAction> Allowed { get; private set; } = [];
    [BindProperty] public DateOnly? EventDate { get; set; }
    [BindProperty] public string? Description { get; set; }

    private async Task<bool> PrepareAsync(Guid id)
    {
        if (!await LoadAsync(id)) return false;
        Clock = Filing.Clock(Filings.Now, Filings.Calendar);
        Allowed = GenerativeAiWorkflow.Allowed(Filing.Status, Filing.Kind, Actor.Role).ToList();
        Linked = await toolkit.DescribeAsync(Filing, HttpContext.RequestAborted);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await PrepareAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        IReadOnlyList<MissingField> missing = [];
        if (!await TryAsync(async () => missing = await Filings.SubmitAsync(Filing, Actor, HttpContext.RequestAborted))) return Page();
        if (missing.Count > 0)
        {
            foreach (var m in missing) ModelState.AddModelError("", m.Message);
            return Page();
        }
        TempData["Message"] = $"已提交，等待属地网信办审核（{DisplayNames.Of(Filing.Kind)}）。";
        return Redirect($"/genai-filings/{id}");
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (EventDate is not { } date)
        {
            ModelState.AddModelError(nameof(EventDate), "请填写「变更发生日期」。");
            return Page();
        }
        GenerativeAiFiling? change = null;
        if (!await TryAsync(async () => change = await Filings.StartChangeAsync(Filing, Actor, date, Description))) return Page();
        return Redirect($"/genai-filings/{change!.Id}/edit/1");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        if (!await PrepareAsync(id)) return NotFound();
        if (EventDate is not { } date)
        {
            ModelState.AddModelError(nameof(EventDate), "请填写「停止服务日期」。");
            return Page();
        }
        if (!await TryAsync(() => Filings.CancelAsync(Filing, Actor, date, Description))) return Page();
        TempData["Message"] = "已注销。";
        return Redirect($"/genai-filings/{id}");
    }
}
