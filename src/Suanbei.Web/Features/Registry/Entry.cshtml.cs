using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Registry;
using Suanbei.Registry.Similarity;
using Suanbei.Registry.Store;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;

namespace Suanbei.Web.Features.Registry;

/// <summary>One registry entry: current description, status, every listing with its 备注, products, similar purposes.</summary>
public sealed class EntryModel(IRegistryStore store, SuanbeiDbContext db, RegistrySimilarity similarity) : PageModel
{
    public RegistryEntry Entry { get; private set; } = null!;
    public IReadOnlyList<(NearDuplicate Match, RegistryEntry? Entry)> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await store.GetAsync(number, ct) is not { } e) return NotFound();
        Entry = e;
        if (!string.IsNullOrWhiteSpace(e.Purpose))
        {
            var hits = await similarity.FindAsync(db, e.Purpose, 5, 0.5, e.Number, ct);
            var list = new List<(NearDuplicate, RegistryEntry?)>();
            foreach (var h in hits) list.Add((h, await store.GetAsync(h.Id, ct)));
            Similar = list;
        }
        return Page();
    }
}
