using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Suanbei.Web.Hosting;

/// <summary>
/// The cookie/antiforgery keys in the database (table DataProtectionKeys), for several nodes behind one load balancer.
/// A context of its own because the DataProtection store needs <see cref="IDataProtectionKeyContext"/>; the table is
/// created by the main migrations (the main model maps it too, through <see cref="DataProtectionKeyConfiguration"/>).
/// </summary>
public sealed class DataProtectionKeysDbContext(DbContextOptions<DataProtectionKeysDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        new DataProtectionKeyConfiguration().Configure(modelBuilder.Entity<DataProtectionKey>());
}
