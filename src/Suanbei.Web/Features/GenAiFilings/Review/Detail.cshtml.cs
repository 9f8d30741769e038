using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Admin;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings.Review;

/// <summary>One generative-AI filing for the reviewer: the form, the clock, the trail and the decisions allowed now.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class DetailModel(GenAiReviewService review, GenAiToolkitMaterials toolkit, ReviewerScopes scopes) : PageModel
{
    public IReadOnlyList<GenAiLinkedMaterial> Linked { get; private set; } = [];
    public IReadOnlyList<string> Warnings => GenAiToolkitMaterials.Warnings(Linked);
    /// <summary>
    /// Set when the filing waits at the provincial level and this reviewer's scope leaves out its province: the page then
    /// shows why instead of the provincial actions (which the service refuses anyway).
    /// </summary>
    public string? OutOfScope { get; private set; }
    public GenerativeAiFiling Filing { get; private set; } = null!;
    public ReviewClock Clock { get; private set; } = null!;
    public IReadOnlyList<GenerativeAiAction> Allowed { get; private set; } = [];

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? RomanisedName { get; set; }
    [BindProperty] public List<string?> ReturnFields { get; set; } = [];
    [BindProperty] public List<string?> ReturnReasons { get; set; } = [];

    private async Task<bool> LoadAsync(Guid id)
    {
        var f = await review.GetForReviewAsync(id, HttpContext.RequestAborted);
        if (f is null) return false;
        Filing = f;
        Clock = f.Clock(review.Now, WorkingCalendar.Official);
        Allowed = GenerativeAiWorkflow.Allowed(f.Status, f.Kind, FilingService.ActorOf(User).Role).ToList();
        RomanisedName ??= GenAiReviewService.DefaultRomanisedName(f);
        var ct = HttpContext.RequestAborted;
        OutOfScope = GenAiReviewService.IsProvincialLevel(f.Status) && !await scopes.MayReviewAsync(User.UserId(), f.Province, ct)
            ? $"本件属{f.Province}网信办初审，您的审核范围不包括{f.Province}，不能办理属地审核。"
            : null;
        if (OutOfScope is not null) Allowed = [];
        Linked = await toolkit.DescribeAsync(f, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, GenerativeAiAction action)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!User.MayTakeReviewActions()) return Forbid();
        var reasons = ReturnFields.Zip(ReturnReasons)
            .Where(p => !string.IsNullOrWhiteSpace(p.First) && !string.IsNullOrWhiteSpace(p.Second))
            .Select(p => new FieldReason(p.First!, p.Second!)).ToList();
        try
        {
            await review.ReviewAsync(Filing, FilingService.ActorOf(User), action, Reason, reasons, RomanisedName,
                HttpContext.RequestAborted);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(id);
            return Page();
        }
        TempData["Message"] = $"已{DisplayNames.Of(action)}。";
        return Redirect($"/review/genai-filings/{id}");
    }
}
