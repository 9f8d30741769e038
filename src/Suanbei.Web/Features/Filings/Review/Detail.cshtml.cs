using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Review;

/// <summary>One filing for the reviewer: everything entered, the clock, the trail and the actions the workflow allows now.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class DetailModel(FilingService filings, FilingReviewService review) : PageModel
{
    public AlgorithmFiling Filing { get; private set; } = null!;
    public string SubjectName { get; private set; } = "";
    public ReviewClock Clock { get; private set; } = null!;
    public IReadOnlyList<FilingAction> Allowed { get; private set; } = [];
    public FilingSummaryView Summary { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<string?> ReturnFields { get; set; } = [];
    [BindProperty] public List<string?> ReturnReasons { get; set; } = [];
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>The action whose confirmation box was left unticked (its form shows the error).</summary>
    public FilingAction? UnconfirmedAction { get; private set; }

    private async Task<bool> LoadAsync(Guid id)
    {
        var f = await review.GetForReviewAsync(id);
        if (f is null) return false;
        Filing = f;
        SubjectName = (await filings.SubjectsAsync([f.SubjectId])).GetValueOrDefault(f.SubjectId)?.Name ?? "";
        Clock = f.Clock(filings.Now, filings.Calendar);
        Allowed = FilingWorkflow.Allowed(f.Status, FilingService.ActorOf(User).Role).ToList();
        Summary = new FilingSummaryView(f, await filings.LinkedProductsAsync(f, HttpContext.RequestAborted));
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, FilingAction action)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!User.MayTakeReviewActions()) return Forbid();
        if (!ModelState.IsValid) return Page();
        var reasons = ReturnFields.Zip(ReturnReasons)
            .Where(p => !string.IsNullOrWhiteSpace(p.First) && !string.IsNullOrWhiteSpace(p.Second))
            .Select(p => new FieldReason(p.First!, p.Second!)).ToList();
        if (Confirmations.ForReview(action, Filing.Kind) is { } confirmation && !Confirmed)
        {
            UnconfirmedAction = action;
            ModelState.AddModelError(Confirmations.Field, confirmation.Missing);
            return Page();
        }
        try
        {
            await review.ReviewAsync(Filing, FilingService.ActorOf(User), action, Reason, reasons);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(id);
            return Page();
        }
        TempData["Message"] = $"已{DisplayNames.Of(action)}。";
        return Redirect($"/review/filings/{id}");
    }
}
