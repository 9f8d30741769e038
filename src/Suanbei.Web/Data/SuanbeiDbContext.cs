using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Suanbei.Core;

namespace Suanbei.Web.Data;

/// <summary>
/// The one database of the web app (SQLite by default, PostgreSQL with --db).
/// Conventions every feature slice gets:
/// - entity configurations: put an <c>IEntityTypeConfiguration&lt;T&gt;</c> in your feature folder; it is picked up by
///   <c>ApplyConfigurationsFromAssembly</c>. Use <c>db.Set&lt;T&gt;()</c> rather than adding DbSet properties here.
/// - keys are client-generated Guids (or strings); every Guid key is ValueGeneratedNever, so adding a child to a
///   tracked aggregate's collection inserts it.
/// - DateTimeOffset is stored as a long (DateTimeOffsetToBinaryConverter) on both providers, so it orders and
///   compares the same in SQLite and PostgreSQL. Enums are stored as integers.
/// - schema changes: a hand-written migration in Data/Migrations (see the Initial migration); the schema test in
///   Suanbei.Web.Tests fails and prints the missing tables/columns when one is forgotten.
/// - domain events: aggregates implementing <see cref="IHasDomainEvents"/> have their events taken after a successful
///   save and handed to <see cref="DomainEventDispatcher"/> (when the context was built with one, as in the web app).
/// </summary>
public sealed class SuanbeiDbContext(DbContextOptions<SuanbeiDbContext> options, DomainEventDispatcher? events = null)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (TakeEvents() is { Count: > 0 } taken && events is not null) await events.DispatchAsync(taken, cancellationToken);
        return written;
    }

    /// <summary>
    /// Saves changes that carry no domain events. Listeners are asynchronous and nothing in the app saves synchronously,
    /// so rather than block on them this refuses, before writing anything, when a tracked aggregate has pending events.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries<IHasDomainEvents>().Any(e => e.Entity.DomainEvents.Count > 0))
            throw new InvalidOperationException(
                "An aggregate has domain events to dispatch: save it with SaveChangesAsync, which dispatches them after the commit.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The events of every tracked aggregate, cleared so that a save inside a listener does not repeat them.</summary>
    private List<IDomainEvent> TakeEvents()
    {
        var sources = ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
        var taken = sources.SelectMany(a => a.DomainEvents).ToList();
        foreach (var a in sources) a.ClearDomainEvents();
        return taken;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SuanbeiDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var key in entity.GetKeys())
                foreach (var property in key.Properties)
                    if (property.ClrType == typeof(Guid))
                        property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
