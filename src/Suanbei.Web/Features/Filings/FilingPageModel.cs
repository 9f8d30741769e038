using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>Shared plumbing of the filer's filing pages: load the own filing (404 otherwise), uploads, domain errors as form
/// errors.</summary>
[Authorize(Policy = Policies.Filer)]
public abstract class FilingPageModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : PageModel
{
    protected FilingService Filings => filings;
    protected SuanbeiDbContext Db => db;
    public AlgorithmFiling Filing { get; private set; } = null!;
    public Actor Actor => FilingService.ActorOf(User);

    /// <summary>Loads the signed-in filer's filing; false (→ 404) for unknown ids and other accounts' filings.</summary>
    protected async Task<bool> LoadAsync(Guid id)
    {
        var f = await filings.GetOwnAsync(id, User.OrganisationId(), HttpContext.RequestAborted);
        if (f is null) return false;
        Filing = f;
        return true;
    }

    /// <summary>The filing with its linked products and chosen functions, for _FilingSummary.</summary>
    public FilingSummaryView Summary { get; private set; } = null!;

    protected async Task LoadSummaryAsync() =>
        Summary = new FilingSummaryView(Filing, await filings.LinkedProductsAsync(Filing, HttpContext.RequestAborted));

    /// <summary>Stores an uploaded file as a material of this account; null when no file was chosen or it was refused (error
    /// added).</summary>
    protected async Task<Guid?> UploadAsync(IFormFile? file, string field)
    {
        if (file is null || file.Length == 0) return null;
        try
        {
            await using var stream = file.OpenReadStream();
            var m = await store.SaveAsync(db, User.OrganisationId(), file.FileName, stream, filings.Now, HttpContext.RequestAborted);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            return m.Id;
        }
        catch (MaterialRejectedException e)
        {
            ModelState.AddModelError(field, e.Message);
            return null;
        }
    }

    /// <summary>Runs a domain operation; a DomainException becomes a form error and the page is shown again.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try { await action(); return true; }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); return false; }
    }

    public bool Editable => Filing.Status == FilingStatus.Draft;

    /// <summary>Notice above a step's form after saving with fields still missing.</summary>
    public string? StepNotice { get; protected set; }

    /// <summary>
    /// Marks every field of <paramref name="step"/> that submission still needs next to its input (and in the summary);
    /// returns how many there are. Saving a step keeps what was entered either way: a draft may be incomplete.
    /// </summary>
    protected int MarkMissing(FilingStep step)
    {
        if (!Editable) return 0;
        var missing = Filing.MissingFields(step);
        foreach (var m in missing) ModelState.AddModelError(FilingFormLinks.InputName(m.Field), m.Message);
        return missing.Count;
    }

    /// <summary>After a save: to the next step when this one is complete, otherwise the same page with what is missing marked.</summary>
    protected IActionResult AfterSave(FilingStep step, string saved, FilingStep next)
    {
        var count = MarkMissing(step);
        if (count == 0)
        {
            TempData["Message"] = saved + "。";
            return Redirect($"/filings/{Filing.Id}/{FilingSteps.Page(next)}");
        }
        StepNotice = $"{saved}（草稿）。本步还有 {count} 项未完成，已在对应字段旁标出；补全后才能提交。";
        return Page();
    }
}
