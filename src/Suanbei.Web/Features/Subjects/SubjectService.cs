using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Subjects;

/// <summary>
/// Subject filing use cases shared by the pages and the API. Errors are keyed by <see cref="SubjectDetails"/> property
/// names (pages prefix "Input.", the API camel-cases them). Filers only ever see their own subject (by owner id);
/// reviewers see submitted ones.
/// </summary>
public sealed class SubjectService(SuanbeiDbContext db, TimeProvider clock, WorkingCalendar calendar)
{
    public sealed record Outcome(Subject? Subject, Dictionary<string, string> Errors)
    {
        public bool Ok => Errors.Count == 0;
    }

    private IQueryable<Subject> Subjects => db.Set<Subject>().Include(s => s.Decisions);

    /// <summary>The filer's own subject, or null before the first save.</summary>
    public Task<Subject?> MineAsync(string userId, CancellationToken ct = default) =>
        Subjects.FirstOrDefaultAsync(s => s.OwnerId == userId, ct);

    /// <summary>Is the filer's subject approved? (Algorithm filing checks this.)</summary>
    public Task<bool> IsApprovedAsync(string userId, CancellationToken ct = default) =>
        db.Set<Subject>().AnyAsync(s => s.OwnerId == userId && s.ApprovedAt != null, ct);

    /// <summary>Saves a draft. Entered fields must be well-formed (completeness is checked at submission);
    /// material ids must belong to the same account. Creates the subject on first save.</summary>
    public async Task<Outcome> SaveAsync(string userId, SubjectDetails details, CancellationToken ct = default)
    {
        var errors = SubjectValidation.ForDraft(details);
        foreach (var (field, _) in SubjectDetails.MaterialFields)
            if (details.Material(field) is { } id && (await MaterialUploads.NotOwnedAsync(db, userId, [id], ct)).Count > 0)
                errors.TryAdd(field, "材料不存在或不属于本机构");
        var subject = await MineAsync(userId, ct);
        if (errors.Count > 0) return new(subject, errors);
        var now = clock.GetUtcNow();
        if (subject is null)
        {
            subject = new Subject(Guid.NewGuid(), userId, now);
            db.Add(subject);
        }
        subject.Update(details, now); // throws DomainException when not editable
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(subject).State == EntityState.Added)
        {
            // Two first saves raced (one subject per account, unique owner index): keep the other one and apply this save to it.
            db.Entry(subject).State = EntityState.Detached;
            if (!await db.Set<Subject>().AnyAsync(s => s.OwnerId == userId, ct)) throw;
            return await SaveAsync(userId, details, ct);
        }
        return new(subject, errors);
    }

    /// <summary>Submits the filer's subject for review: complete, well-formed data and a credit code no other account has filed.</summary>
    /// <remarks><paramref name="userId"/> is the owner (the organisation); <paramref name="byUserId"/> the member acting.</remarks>
    public async Task<Outcome> SubmitAsync(string userId, string? byUserId = null, CancellationToken ct = default)
    {
        var subject = await MineAsync(userId, ct) ?? throw new DomainException("请先填写并保存主体备案信息");
        var errors = SubjectValidation.ForSubmission(subject.Details);
        if (subject.CreditCode is { } code && await db.Set<Subject>()
            .AnyAsync(s => s.OwnerId != userId && s.CreditCode == code && s.SubmittedAt != null, ct))
            errors.TryAdd(nameof(SubjectDetails.CreditCode), "该统一社会信用代码已由其他账号提交备案（一个备案主体只能有一个账号）");
        if (errors.Count > 0) return new(subject, errors);
        subject.Submit(byUserId ?? userId, clock.GetUtcNow());
        await db.SaveOrConflictAsync(ct);
        return new(subject, errors);
    }

    /// <summary>Starts a change of an approved subject; the due date is 10 working days after the event
    /// (DeadlineRules.SubjectChange).</summary>
    public async Task<Subject> StartChangeAsync(string userId, DateOnly eventDate, string? byUserId = null, CancellationToken ct = default)
    {
        var subject = await MineAsync(userId, ct) ?? throw new DomainException("尚未提交主体备案");
        subject.StartChange(eventDate, calendar, byUserId ?? userId, clock.GetUtcNow());
        await db.SaveOrConflictAsync(ct);
        return subject;
    }

    /// <summary>A subject as reviewers may see it: submitted at least once and not currently a draft (a change being
    /// prepared is the filer's draft until it is submitted).</summary>
    public Task<Subject?> ForReviewAsync(Guid id, CancellationToken ct = default) =>
        Subjects.FirstOrDefaultAsync(s => s.Id == id && s.SubmittedAt != null && s.Status != SubjectStatus.Draft, ct);

    /// <summary>Subjects reviewers can see (ever submitted), waiting ones first, oldest submission first.</summary>
    public async Task<List<Subject>> ReviewListAsync(CancellationToken ct = default)
    {
        var list = await db.Set<Subject>().Where(s => s.SubmittedAt != null && s.Status != SubjectStatus.Draft).ToListAsync(ct);
        return list.OrderBy(s => s.Status == SubjectStatus.Submitted ? 0 : 1).ThenBy(s => s.SubmittedAt).ToList();
    }

    public async Task<Subject> ApproveAsync(string reviewerId, Guid id, CancellationToken ct = default)
    {
        var subject = await ForReviewAsync(id, ct) ?? throw new KeyNotFoundException();
        subject.Approve(reviewerId, clock.GetUtcNow());
        await db.SaveOrConflictAsync(ct);
        return subject;
    }

    public async Task<Subject> ReturnAsync(string reviewerId, Guid id, string reasons, CancellationToken ct = default)
    {
        var subject = await ForReviewAsync(id, ct) ?? throw new KeyNotFoundException();
        subject.Return(reviewerId, reasons, clock.GetUtcNow());
        await db.SaveOrConflictAsync(ct);
        return subject;
    }

    public async Task<Dictionary<Guid, Material>> MaterialsOfAsync(Subject subject, CancellationToken ct = default)
    {
        var ids = subject.Details.MaterialIds().ToList();
        return await db.Set<Material>().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
    }
}

