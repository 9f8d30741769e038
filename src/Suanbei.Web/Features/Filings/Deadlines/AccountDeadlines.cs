using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// Every clock running for an account (Art. 24/25 of Order 9, lengths in Data/deadlines.json):
/// start of service → file (a launched algorithm never submitted), change → file the change (a change draft not yet
/// submitted), end of service → cancel (a product marked 已下线 whose filed algorithm is not cancelled), subject change
/// (a subject change not yet approved) and the regulator's decision (a submitted filing not yet decided).
/// </summary>
public static class AccountDeadlines
{
    public static List<RunningClock> Compute(Subject? subject, IEnumerable<AlgorithmFiling> filings, IEnumerable<Product> products,
        DateOnly today, WorkingCalendar calendar)
    {
        var clocks = new List<RunningClock>();
        void Add(string uid, DeadlineKind kind, string title, DateOnly eventDate, string link, string? note = null)
        {
            var rule = DeadlineRules.Get(kind);
            var due = DeadlineRules.DueDateOrEstimate(kind, eventDate, calendar);
            clocks.Add(new RunningClock(uid, kind, rule.ChineseName, title, eventDate, rule.WorkingDays, due.Date, due.Estimated,
                today > due.Date, rule.Article, note, link));
        }

        var list = filings.ToList();
        foreach (var f in list)
        {
            var name = f.Name ?? "未命名算法";
            if (f.Kind == FilingKind.Initial && f.Status == FilingStatus.Draft && f.SubmittedAt is null && f.LaunchDate is { } launch)
                Add($"start-{f.Id}@suanbei", DeadlineKind.StartOfService, $"「{name}」上线后备案", launch, $"/filings/{f.Id}",
                    launch > today ? "上线时间在今后，以填报的上线时间计" : null);
            if (f.Kind == FilingKind.Change && f.Status == FilingStatus.Draft && f.ChangeEventDate is { } change)
                Add($"change-{f.Id}@suanbei", DeadlineKind.Change, $"「{name}」变更备案", change, $"/filings/{f.Id}");
            if (f.ClockStartedOn is { } started && f.DecidedOn is null
                && f.Status is FilingStatus.Submitted or FilingStatus.FirstReview or FilingStatus.SecondReview)
                Add($"decision-{f.Id}-{started:yyyyMMdd}@suanbei", DeadlineKind.RegulatorDecision, $"「{name}」网信部门作出决定", started,
                    $"/filings/{f.Id}");
        }

        // A product marked 已下线 while an algorithm linking it is still public: the cancellation clock runs from the day it was marked.
        var live = list.Where(f => f.Status is FilingStatus.Publicity or FilingStatus.Filed).ToList();
        foreach (var p in products.Where(p => p.Status == ProductStatus.Discontinued))
            foreach (var f in live.Where(f => f.LinkedProducts.Any(l => l.ProductId == p.Id)))
                if (f.LinkedProducts.All(l => products.FirstOrDefault(x => x.Id == l.ProductId)?.Status == ProductStatus.Discontinued))
                    Add($"cancel-{f.EntryId}-{p.Id}@suanbei", DeadlineKind.Cancellation, $"「{f.Name}」终止服务后注销", ChinaTime.Date(p.UpdatedAt),
                        $"/filings/{f.Id}", $"产品「{p.Name}」已标记下线（以标记日期计）");

        if (subject is { ChangeEventDate: { } subjectChange })
            Add($"subject-change-{subject.Id}-{subjectChange:yyyyMMdd}@suanbei", DeadlineKind.SubjectChange, $"主体「{subject.Name}」信息变更",
                subjectChange, "/deadlines");

        return clocks.OrderBy(c => c.DueDate).ThenBy(c => c.Title, StringComparer.Ordinal).ToList();
    }
}
