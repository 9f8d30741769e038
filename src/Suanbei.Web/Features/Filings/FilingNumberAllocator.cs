using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Issues a filing number at publication. Insert-and-retry, provider-neutral (SQLite and PostgreSQL alike):
/// read the subject's entity code (or pick a random new one), take the next sequence after the highest ever issued
/// for (entity, type, year), and save the IssuedFilingNumbers row together with the published filing in one
/// SaveChanges. The first attempt uses the filing the caller loaded (tracked by <c>db</c>). When another publication
/// got there first, a unique index (number; entity+type+year+sequence; subject's entity code) or the filing's
/// concurrency token rejects the save; the context is cleared, the filing reloaded and the attempt repeated. Nothing is
/// ever deleted from IssuedFilingNumbers, so cancelled numbers stay taken.
/// </summary>
public sealed class FilingNumberAllocator
{
    public const int MaxAttempts = 25;

    /// <summary>Publishes <paramref name="loaded"/>; returns the published filing (a reloaded instance after a retry).</summary>
    public async Task<AlgorithmFiling> PublishAsync(SuanbeiDbContext db, AlgorithmFiling loaded, Actor reviewer, DateTimeOffset now,
        WorkingCalendar calendar, CancellationToken ct = default)
    {
        var filingId = loaded.Id;
        for (var attempt = 1; ; attempt++)
        {
            var filing = attempt == 1 ? loaded : await db.Set<AlgorithmFiling>().Include(f => f.Labeling).Include(f => f.LinkedProducts)
                .Include(f => f.ReturnReasons).Include(f => f.AuditTrail).AsSplitQuery()
                .FirstOrDefaultAsync(f => f.Id == filingId, ct) ?? throw new DomainException("备案不存在。");
            // Check legality before allocating, so an illegal publish never consumes a number.
            FilingWorkflow.Require(filing.Status, FilingAction.Publish, reviewer);
            var type = filing.Type ?? throw new DomainException("算法类型缺失，不能签发备案编号。");
            var subject = await db.Set<Subject>().FirstOrDefaultAsync(s => s.Id == filing.SubjectId, ct)
                ?? throw new DomainException("备案主体不存在。");
            var region = subject.ApprovedRegionCode ?? subject.RegionCode ?? throw new DomainException("备案主体缺少注册地代码。");

            var entity = await db.Set<SubjectEntityCode>().FirstOrDefaultAsync(e => e.SubjectId == subject.Id, ct);
            if (entity is null)
            {
                entity = new SubjectEntityCode { SubjectId = subject.Id, EntityCode = FilingNumbers.NewEntityCode(), CreatedAt = now };
                db.Add(entity);
            }
            var typeCode = AlgorithmTypes.NumberTypeCode(type);
            var year = FilingNumbers.IssueYear(now);
            var last = await db.Set<IssuedFilingNumber>()
                .Where(n => n.EntityCode == entity.EntityCode && n.TypeCode == typeCode && n.Year == year)
                .MaxAsync(n => (int?)n.Sequence, ct) ?? 0;
            var number = FilingNumbers.Compose(region, entity.EntityCode, type, year, last + 1);
            db.Add(new IssuedFilingNumber
            {
                Number = number, EntityCode = entity.EntityCode, TypeCode = typeCode, Year = year, Sequence = last + 1,
                SubjectId = subject.Id, EntryId = filing.EntryId, IssuedAt = now,
            });
            filing.Publish(reviewer, now, number, calendar);
            AuditTrailGuard.Check(db);
            try
            {
                await db.SaveChangesAsync(ct);
                return filing;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Lost a race (same sequence, same new entity code, or the filing moved meanwhile): start over.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw new DomainException("备案编号签发冲突，请稍后重试。");
            }
        }
    }
}
