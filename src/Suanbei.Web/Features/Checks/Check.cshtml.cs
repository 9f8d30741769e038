using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Checks;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Registry.Store;

namespace Suanbei.Web.Features.Checks;

/// <summary>备案预审 page next to the filing form: every finding with severity, field, what to fix and the rule's source.</summary>
public sealed class CheckModel(FilingService filings, SuanbeiDbContext db, MaterialStore store, RegistrySimilarity registry) : FilingPageModel(filings, db, store)
{
    public CheckReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Report = await FilingSnapshots.CheckAsync(Db, Filing, Filings.Now, registry, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The step page where a field is edited (products and functions are edited on the product pages).</summary>
    public static string StepOf(string field) => field switch
    {
        _ when field.StartsWith("products", StringComparison.Ordinal) => "Products",
        "filing.role" => "Basic",
        _ when field.StartsWith("subject", StringComparison.Ordinal) || field.StartsWith("officer", StringComparison.Ordinal) => "",
        _ => "Details",
    };
}
