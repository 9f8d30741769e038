using Microsoft.EntityFrameworkCore;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>Refuses a save that would change or delete audit-trail or return-reason rows of a generative-AI filing.</summary>
public static class GenAiAuditGuard
{
    public static void Check(DbContext db)
    {
        if (db.ChangeTracker.Entries<GenerativeAiAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || db.ChangeTracker.Entries<GenerativeAiReturnReason>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The generative-AI filing audit trail is append-only.");
    }

    /// <summary>Saves after <see cref="Check"/>; a concurrent change becomes a Chinese domain error (409).</summary>
    public static async Task SaveAsync(DbContext db, CancellationToken ct = default)
    {
        Check(db);
        await db.SaveOrConflictAsync(ct);
    }
}
