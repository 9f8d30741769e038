using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Registry;
using Suanbei.Registry.Store;

namespace Suanbei.Web.Features.Registry;

/// <summary>Number verification: decode (reference §4, province name), whether it is in the registry, its status, a link.</summary>
public sealed class VerifyModel(IRegistryStore store) : PageModel
{
    public string? Number { get; private set; }
    public RegistryVerification? Result { get; private set; }
    public VerifyVerdict? Verdict { get; private set; }

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        Number = number;
        if (!string.IsNullOrWhiteSpace(number) && number.Length <= 200)
        {
            Result = await store.VerifyAsync(number, ct);
            Verdict = VerifyVerdict.From(Result);
        }
    }
}
