using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Subjects;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Subjects;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Review.Subjects;

public sealed class DetailModel(SubjectService subjects) : PageModel
{
    public Subject Subject { get; private set; } = null!;
    public Dictionary<Guid, Material> Materials { get; private set; } = [];
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    public string? ConfirmError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!User.MayTakeReviewActions()) return Forbid();
        if (!Confirmed)
        {
            ConfirmError = Suanbei.Web.Features.Filings.Confirmations.SubjectApprove.Missing;
            ModelState.AddModelError(Suanbei.Web.Features.Filings.Confirmations.Field, ConfirmError);
            return Page();
        }
        try
        {
            await subjects.ApproveAsync(User.UserId(), id);
            TempData["Message"] = $"已通过主体备案：{Subject.Name}";
            return Redirect("/review/subjects");
        }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); return Page(); }
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!User.MayTakeReviewActions()) return Forbid();
        if (!ModelState.IsValid) return Page();
        if (string.IsNullOrWhiteSpace(Reasons)) { ModelState.AddModelError(nameof(Reasons), "退回补正必须填写理由"); return Page(); }
        try
        {
            await subjects.ReturnAsync(User.UserId(), id, Reasons);
            TempData["Message"] = $"已退回补正：{Subject.Name}";
            return Redirect("/review/subjects");
        }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); return Page(); }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var s = await subjects.ForReviewAsync(id);
        if (s is null) return false;
        Subject = s;
        Materials = await subjects.MaterialsOfAsync(s);
        return true;
    }
}
