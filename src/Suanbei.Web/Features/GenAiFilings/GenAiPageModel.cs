using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>Shared plumbing of the filer's generative-AI filing pages: the own filing (404 otherwise) and errors per field.</summary>
[Authorize(Policy = Policies.Filer)]
public abstract class GenAiPageModel(GenAiFilingService filings) : PageModel
{
    protected GenAiFilingService Filings => filings;
    public GenerativeAiFiling Filing { get; private set; } = null!;
    public Actor Actor => FilingService.ActorOf(User);
    public bool Editable => Filing.Status == GenerativeAiStatus.Draft;

    protected async Task<bool> LoadAsync(Guid id)
    {
        var f = await filings.GetOwnAsync(id, User.OrganisationId(), HttpContext.RequestAborted);
        if (f is null) return false;
        Filing = f;
        return true;
    }

    /// <summary>Runs a domain operation; a DomainException becomes a form error (its message names the field).</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try { await action(); return true; }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); return false; }
    }

    /// <summary>Marks next to its input every field of <paramref name="step"/> that submission still needs.</summary>
    protected int MarkMissing(GenerativeAiStep step)
    {
        if (!Editable) return 0;
        var missing = Filing.MissingFields(step);
        foreach (var m in missing) ModelState.AddModelError(m.Field, m.Message);
        return missing.Count;
    }

    /// <summary>The messages under a field's key, for the field's note.</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var st) ? st.Errors.Select(e => e.ErrorMessage).Distinct().ToList() : [];
}
