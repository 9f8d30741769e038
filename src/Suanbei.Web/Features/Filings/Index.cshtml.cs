using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

public sealed class IndexModel(FilingService filings, SuanbeiDbContext db, MaterialStore store, FilingListCache lists)
    : FilingPageModel(filings, db, store)
{
    /// <summary>The columns of one filing that the list shows.</summary>
    public sealed record Row(Guid Id, string? Name, FilingKind Kind, int Revision, FilingStatus Status, int ReturnRounds,
        string? FilingNumber, DateOnly? ClockStartedOn, DateOnly? DecidedOn, DateTimeOffset UpdatedAt)
    {
        public bool IsReturned => AlgorithmFiling.IsReturnedDraft(Status, ReturnRounds);
        public string StatusDisplay => AlgorithmFiling.StatusDisplayOf(Status, ReturnRounds);
        public string Version => FilingDisplay.Version(Kind, Revision);

        public ReviewClock Clock(DateTimeOffset now, WorkingCalendar calendar) =>
            ReviewClock.Of(ClockStartedOn, DecidedOn, now, calendar);
    }

    /// <summary>What the list shows of one organisation; shared by the requests that <see cref="FilingListCache"/> serves.</summary>
    public sealed record Listing(bool SubjectApproved, IReadOnlyList<Row> Filings);

    public IReadOnlyList<Row> List { get; private set; } = [];
    public bool SubjectApproved { get; private set; }

    public async Task OnGetAsync()
    {
        var organisationId = User.OrganisationId();
        if (!lists.TryGet(organisationId, out var listing))
        {
            var seen = lists.Changes;
            listing = await LoadAsync(Db, organisationId, HttpContext.RequestAborted);
            lists.Keep(organisationId, listing, seen);
        }
        (SubjectApproved, List) = listing;
    }

    /// <summary>
    /// Whether the organisation's subject is approved, and its filings, newest first: one query, the page's columns only
    /// (a filing needs an approved subject, so the subject's row leads and its filings join it; no subject, no filings).
    /// </summary>
    public static async Task<Listing> LoadAsync(SuanbeiDbContext db, string organisationId, CancellationToken ct = default)
    {
        var page = await db.Set<Subject>().AsNoTracking().Where(s => s.OwnerId == organisationId)
            .Select(s => new
            {
                s.ApprovedAt,
                Filings = db.Set<AlgorithmFiling>().Where(f => f.SubjectId == s.Id && f.OwnerUserId == organisationId)
                    .Select(f => new Row(f.Id, f.Name, f.Kind, f.Revision, f.Status, f.ReturnRounds, f.FilingNumber,
                        f.ClockStartedOn, f.DecidedOn, f.UpdatedAt)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return new(page?.ApprovedAt is not null, page?.Filings.OrderByDescending(f => f.UpdatedAt).ToList() ?? []);
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
