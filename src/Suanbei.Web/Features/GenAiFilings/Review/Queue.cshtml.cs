using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings.Review;

/// <summary>The reviewers' queue of generative-AI filings, filtered by level (属地初审 / 国家复审) and province.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class QueueModel(GenAiReviewService review) : PageModel
{
    [BindProperty(SupportsGet = true)] public GenAiReviewLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    public List<GenerativeAiFiling> Rows { get; private set; } = [];
    public DateTimeOffset Now => review.Now;

    /// <summary>Without a chosen province, the provincial level shows only the provinces this reviewer may review.</summary>
    public async Task OnGetAsync() => Rows = await review.QueueAsync(Level, Province, User.UserId());
}
