using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;

namespace Suanbei.Web.Features.Filings;

/// <summary>How the filing's use cases load an aggregate: with all its children, in split queries.</summary>
public static class FilingQueries
{
    public static IQueryable<AlgorithmFiling> WithChildren(this DbContext db) =>
        db.Set<AlgorithmFiling>().Include(f => f.Labeling).Include(f => f.LinkedProducts)
            .Include(f => f.ReturnReasons).Include(f => f.AuditTrail).AsSplitQuery();
}
