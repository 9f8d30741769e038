using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Registry;

namespace Suanbei.Web.Features.Registry.Store;

public sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> b)
    {
        b.ToTable("RegistryEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Name).HasMaxLength(500).IsRequired();
        b.Property(x => x.Entity).HasMaxLength(500).IsRequired();
        b.Property(x => x.Role).HasMaxLength(50);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.Region).HasMaxLength(50);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Province).HasMaxLength(50);
        b.Property(x => x.TypeCode).HasMaxLength(2);
        b.Property(x => x.CancelledNotice).HasMaxLength(200);
        b.Property(x => x.FirstPeriod).HasMaxLength(7);
        b.Property(x => x.LatestPeriod).HasMaxLength(7);
        b.HasOne(x => x.Search).WithOne().HasForeignKey<RegistrySearchRow>(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Entity);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.Province);
        b.HasIndex(x => x.LatestPeriod);
        b.HasMany(x => x.Listings).WithOne().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Products).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
