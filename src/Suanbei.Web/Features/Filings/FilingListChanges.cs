using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Drops this node's <see cref="FilingListCache"/> copy of every organisation whose filings or subject a save changed,
/// once the change is visible (after the save, and again after the commit of a transaction it ran in): the database's
/// notification reaches this node too, but a moment later than the redirect that follows a filer's own change.
/// </summary>
public sealed class FilingListChanges(FilingListCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Drop(eventData.Context, committed: false);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, committed: false);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Drop(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? db)
    {
        if (db is null) return;
        HashSet<string>? owners = null;
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var owner = e.Entity switch
            {
                AlgorithmFiling => e.Property(nameof(AlgorithmFiling.OwnerUserId)),
                Subject => e.Property(nameof(Subject.OwnerId)),
                _ => null,
            };
            if (owner is null) continue;
            owners ??= _pending.GetOrCreateValue(db);
            owners.Add((string)owner.CurrentValue!);
            if (e.State == EntityState.Modified) owners.Add((string)owner.OriginalValue!);
        }
    }

    /// <summary>Drops the pending organisations; forgets them once no transaction may still hide the change.</summary>
    private void Drop(DbContext? db, bool committed)
    {
        if (db is null || !_pending.TryGetValue(db, out var owners)) return;
        foreach (var owner in owners) cache.Changed(owner);
        if (committed || db.Database.CurrentTransaction is null) _pending.Remove(db);
    }
}
