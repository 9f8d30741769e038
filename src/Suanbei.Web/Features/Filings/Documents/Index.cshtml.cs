using Microsoft.AspNetCore.Mvc;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings.Documents;

/// <summary>The filer's document downloads for one filing.</summary>
public sealed class IndexModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : FilingPageModel(filings, db, store)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();
}
