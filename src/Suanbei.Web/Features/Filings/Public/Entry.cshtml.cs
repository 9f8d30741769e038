using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings;

namespace Suanbei.Web.Features.Filings.Public;

/// <summary>公示信息 of one filed algorithm at its stable URL /public/{number}; no login.</summary>
[AllowAnonymous]
public sealed class EntryModel(PublicEntryService filings) : PageModel
{
    public PublicEntry Entry { get; private set; } = null!;
    public AlgorithmFiling Filing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number)
    {
        if (await filings.PublicEntryAsync(number.Trim()) is not { } found) return NotFound();
        (Filing, Entry) = found;
        return Page();
    }
}
