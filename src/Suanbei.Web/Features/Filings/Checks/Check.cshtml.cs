using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Checks;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Registry.Store;

namespace Suanbei.Web.Features.Filings.Checks;

/// <summary>备案预审 page next to the filing form: every finding with severity, field, what to fix and the rule's source.</summary>
public sealed class CheckModel(FilingService filings, SuanbeiDbContext db, MaterialStore store, RegistrySimilarity registry)
    : FilingPageModel(filings, db, store)
{
    public CheckReport Report => Run.Report;
    public FilingSnapshots.CheckRun Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Run = await FilingSnapshots.RunAsync(Db, Filing, Filings.Now, registry, HttpContext.RequestAborted);
        return Page();
    }
}
