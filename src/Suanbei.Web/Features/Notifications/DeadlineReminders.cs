using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings.Deadlines;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Reminds filers of their own running deadlines (the clocks of 备案期限, Art. 24): once when at most
/// <see cref="NotificationSettings.DeadlineWarningWorkingDays"/> working days are left, once when it has passed. The
/// regulator's own decision clock (Art. 25) is not the filer's to meet and is left out. Repeated scans (every node,
/// every interval) change nothing: the event key names the clock and its due date.
/// </summary>
public sealed class DeadlineReminders(SuanbeiDbContext db, DeadlineService deadlines, Notifier notifier, NotificationSettings settings)
{
    /// <summary>Returns how many reminders were reported (already-sent ones included).</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var owners = (await db.Set<AlgorithmFiling>().Select(f => f.OwnerUserId).Distinct().ToListAsync(ct))
            .Concat(await db.Set<Subject>().Select(s => s.OwnerId).Distinct().ToListAsync(ct))
            .Distinct(StringComparer.Ordinal).ToList();
        var today = deadlines.Today;
        var reported = 0;
        foreach (var owner in owners)
        {
            foreach (var c in await deadlines.ClocksAsync(owner, ct))
            {
                if (c.Kind == DeadlineKind.RegulatorDecision) continue;
                var due = $"截止 {c.DueDate:yyyy-MM-dd}{(c.Estimated ? "（估算）" : "")}，依据{c.Article}。";
                var left = WorkingDaysLeft(today, c.DueDate);
                if (!c.Overdue && left > settings.DeadlineWarningWorkingDays) continue;
                if (c.Overdue)
                    await notifier.NotifyOrganisationAsync($"deadline-overdue:{c.Uid}:{c.DueDate:yyyyMMdd}", owner,
                        $"备案期限已过：{c.Title}", $"{c.KindName}期限已过，{due}请尽快办理。", c.Link, ct);
                else
                    await notifier.NotifyOrganisationAsync($"deadline-approaching:{c.Uid}:{c.DueDate:yyyyMMdd}", owner,
                        $"备案期限临近：{c.Title}", $"{c.KindName}还剩 {left} 个工作日，{due}", c.Link, ct);
                reported++;
            }
        }
        return reported;
    }

    /// <summary>Working days in (today, due]; past the official calendars, Monday to Friday without statutory holidays.</summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly due)
    {
        var calendar = WorkingCalendar.Official;
        var left = 0;
        for (var d = today.AddDays(1); d <= due; d = d.AddDays(1))
            if (calendar.IsWorkingDayOrEstimate(d)) left++;
        return left;
    }
}
