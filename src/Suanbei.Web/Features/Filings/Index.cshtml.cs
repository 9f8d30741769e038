using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

public sealed class IndexModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : FilingPageModel(filings, db, store)
{
    public List<AlgorithmFiling> List { get; private set; } = [];
    public Subject? Subject { get; private set; }

    public async Task OnGetAsync()
    {
        Subject = await Filings.SubjectOfAsync(User.OrganisationId());
        List = await Filings.ListOwnAsync(User.OrganisationId());
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        AlgorithmFiling? created = null;
        if (await TryAsync(async () => created = await Filings.CreateAsync(Actor)))
            return Redirect($"/filings/{created!.Id}/basic");
        await OnGetAsync();
        return Page();
    }
}
