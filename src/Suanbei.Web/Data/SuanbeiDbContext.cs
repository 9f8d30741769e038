using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
/// </summary>
public sealed class SuanbeiDbContext(DbContextOptions<SuanbeiDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
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
