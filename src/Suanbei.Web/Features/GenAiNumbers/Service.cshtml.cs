using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Registry;
using Suanbei.Registry.Store;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>The public page of one generative-AI service at /public/genai/{number}: the list's columns, status, products
/// and every publication with its 备注; no login.</summary>
[AllowAnonymous]
public sealed class GenAiServiceModel(IRegistryStore store) : PageModel
{
    public RegistryEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await store.GetAsync(number, ct) is not { GenerativeKind: not null } e) return NotFound();
        Entry = e;
        return Page();
    }
}
