using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Review;

/// <summary>The reviewer queue: 已提交, 一审, 二审 and 公示, oldest submission first, with the Art. 25 clock and overdue flag.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class QueueModel(FilingService filings, FilingReviewService review) : PageModel
{
    public sealed record Row(AlgorithmFiling Filing, string SubjectName, ReviewClock Clock);
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var queue = await review.ReviewQueueAsync();
        var subjects = await filings.SubjectsAsync(queue.Select(f => f.SubjectId));
        Rows = queue.Select(f => new Row(f, subjects.GetValueOrDefault(f.SubjectId)?.Name ?? "", f.Clock(filings.Now, filings.Calendar)))
            .OrderByDescending(r => r.Clock.IsOverdue).ThenByDescending(r => r.Clock.WorkingDaysUsed ?? -1).ToList();
    }
}
