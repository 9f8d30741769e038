using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>The account's generative-AI filings and registrations, and a new draft.</summary>
public sealed class IndexModel(GenAiFilingService filings, SuanbeiDbContext db) : GenAiPageModel(filings)
{
    public List<GenerativeAiFiling> List { get; private set; } = [];
    public bool SubjectApproved { get; private set; }

    public async Task OnGetAsync()
    {
        var ownerId = User.OrganisationId();
        SubjectApproved = await db.Set<Subject>().AnyAsync(s => s.OwnerId == ownerId && s.ApprovedAt != null);
        List = await Filings.ListOwnAsync(ownerId);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        GenerativeAiFiling? created = null;
        if (await TryAsync(async () => created = await Filings.CreateAsync(Actor)))
            return Redirect($"/genai-filings/{created!.Id}/edit/1");
        await OnGetAsync();
        return Page();
    }
}
