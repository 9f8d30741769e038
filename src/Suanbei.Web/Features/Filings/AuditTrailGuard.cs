using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Refuses a save that would change or delete history rows (<see cref="IAppendOnly"/>: the audit trails and return
/// reasons of every filing kind). Every use case that moves a filing saves through it.
/// </summary>
public static class AuditTrailGuard
{
    /// <summary>The audit trail is append-only: modified or deleted entries never reach the database.</summary>
    public static void Check(DbContext db)
    {
        if (db.ChangeTracker.Entries<IAppendOnly>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted)
            is { } row)
            throw new InvalidOperationException($"The filing audit trail is append-only ({row.Metadata.ClrType.Name} {row.State}).");
    }

    /// <summary>Saves, refusing anything but appends to the audit trail; a concurrent change becomes a Chinese domain error.</summary>
    public static async Task SaveAsync(DbContext db, CancellationToken ct = default)
    {
        Check(db);
        // Two reviewers acting at once: the loser gets a conflict (stale version or the audit sequence just taken), a 409.
        await db.SaveOrConflictAsync(ct);
    }
}
