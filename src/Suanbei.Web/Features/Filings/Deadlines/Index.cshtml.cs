using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>The organisation's running clocks, overdue ones highlighted, and this member's calendar subscription link.</summary>
[Authorize(Policy = Policies.Filer)]
public sealed class IndexModel(DeadlineService deadlines) : PageModel
{
    public List<RunningClock> Clocks { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool HasToken { get; private set; }
    public string? NewFeedUrl { get; private set; }

    public async Task OnGetAsync()
    {
        Clocks = await deadlines.ClocksAsync(User.OrganisationId(), HttpContext.RequestAborted);
        Today = deadlines.Today;
        HasToken = await deadlines.HasTokenAsync(User.UserId(), User.OrganisationId(), HttpContext.RequestAborted);
        NewFeedUrl = TempData["FeedUrl"] as string;
    }

    public async Task<IActionResult> OnPostTokenAsync()
    {
        var token = await deadlines.IssueTokenAsync(User.UserId(), User.OrganisationId(), HttpContext.RequestAborted);
        TempData["FeedUrl"] = DeadlinesModule.FeedUrl(Request, token);
        return RedirectToPage();
    }
}
