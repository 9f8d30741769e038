using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings;

namespace Suanbei.Web.Features.Filings.Public;

/// <summary>All public entries in the CAC list's columns; no login.</summary>
[AllowAnonymous]
public sealed class PublicIndexModel(PublicEntryService filings) : PageModel
{
    public List<PublicEntry> Entries { get; private set; } = [];
    public async Task OnGetAsync() => Entries = await filings.PublicEntriesAsync();
}
