using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Subjects;

/// <summary>The filer's subject filing: edit and upload while a draft (or returned), submit, follow the review, start a change.</summary>
public sealed class IndexModel(SubjectService subjects, SuanbeiDbContext db, MaterialStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public SubjectInput Input { get; set; } = new();
    [BindProperty] public DateOnly? ChangeEventDate { get; set; }
    public Subject? Subject { get; private set; }
    public Dictionary<Guid, Material> Materials { get; private set; } = [];
    public long MaxMb => store.MaxBytes / (1024 * 1024);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Subject is not null) Input = SubjectInput.From(Subject.Details);
    }

    public async Task<IActionResult> OnPostSaveAsync() => await SaveAsync(submit: false);
    public async Task<IActionResult> OnPostSubmitAsync() => await SaveAsync(submit: true);

    public async Task<IActionResult> OnPostStartChangeAsync()
    {
        if (ChangeEventDate is null) ModelState.AddModelError(nameof(ChangeEventDate), "请填写变更事项发生日期");
        else if (ModelState.IsValid)
        {
            try
            {
                var s = await subjects.StartChangeAsync(User.OrganisationId(), ChangeEventDate.Value, User.UserId());
                TempData["Message"] = $"已发起主体变更，请于{s.ChangeDueDate:yyyy年M月d日}前提交审核";
                return RedirectToPage();
            }
            catch (DomainException e) { ModelState.AddModelError(nameof(ChangeEventDate), e.Message); }
        }
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> SaveAsync(bool submit)
    {
        var userId = User.OrganisationId();
        await LoadAsync();
        if (Subject is { IsEditable: false })
        {
            ModelState.AddModelError("", $"主体备案状态为“{DisplayNames.Of(Subject.Status)}”，不能修改");
            return Page();
        }
        // Store uploads first, so a correction of another field never loses a file.
        var materials = Subject?.Details ?? new SubjectDetails();
        var uploaded = false;
        foreach (var (field, _) in SubjectDetails.MaterialFields)
        {
            var file = Request.Form.Files.GetFile("Upload." + field);
            if (file is null || file.Length == 0) continue;
            var (material, error) = await MaterialUploads.SaveAsync(store, db, userId, file, clock.GetUtcNow(), HttpContext.RequestAborted);
            if (material is null) ModelState.AddModelError("Upload." + field, error!);
            else { materials = materials.WithMaterial(field, material.Id); uploaded = true; }
        }
        if (uploaded)
        {
            await db.SaveChangesAsync();
            // Attach the new files even if the text has errors: keep the stored text, add the materials.
            var keep = await subjects.SaveAsync(userId, Subject is null ? materials : Subject.Details with
            {
                BusinessLicenceScanId = materials.BusinessLicenceScanId,
                LegalRepIdScanId = materials.LegalRepIdScanId,
                OfficerIdScanId = materials.OfficerIdScanId,
                OfficerEmploymentProofId = materials.OfficerEmploymentProofId,
                OfficerCommitmentId = materials.OfficerCommitmentId,
                FilingCommitmentId = materials.FilingCommitmentId,
                ResponsibilityReportId = materials.ResponsibilityReportId,
            });
            Subject = keep.Subject;
        }
        if (!ModelState.IsValid)
        {
            // Show every field's problem at once, not only the ones model binding found.
            foreach (var (field, message) in SubjectValidation.ForDraft(Input.ToDetails(materials)))
                if (!ModelState.ContainsKey("Input." + field) || ModelState["Input." + field]!.Errors.Count == 0)
                    ModelState.AddModelError("Input." + field, message);
            ModelState.AddModelError("", uploaded ? "信息未保存：请更正标出的字段（本次上传的材料已保存）" : "信息未保存：请更正标出的字段");
            await LoadAsync();
            return Page();
        }

        var saved = await subjects.SaveAsync(userId, Input.ToDetails(materials));
        AddErrors(saved.Errors);
        if (!saved.Ok)
        {
            ModelState.AddModelError("", uploaded ? "信息未保存：请更正标出的字段（本次上传的材料已保存）" : "信息未保存：请更正标出的字段");
            await LoadAsync();
            return Page();
        }
        if (!submit)
        {
            TempData["Message"] = "已保存草稿";
            return RedirectToPage();
        }
        var submitted = await subjects.SubmitAsync(userId, User.UserId());
        AddErrors(submitted.Errors);
        if (!submitted.Ok)
        {
            ModelState.AddModelError("", "已保存草稿，但还不能提交审核：请补全或更正标出的字段");
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = "已提交审核";
        return RedirectToPage();
    }

    private void AddErrors(Dictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
            ModelState.AddModelError(SubjectDetails.MaterialFields.Any(m => m.Field == field) ? "Upload." + field : "Input." + field,
                message);
    }

    private async Task LoadAsync()
    {
        Subject = await subjects.MineAsync(User.OrganisationId());
        Materials = Subject is null ? [] : await subjects.MaterialsOfAsync(Subject);
    }
}
