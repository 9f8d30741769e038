using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Registry;

namespace Suanbei.Web.Features.Registry.Store;

public sealed class RegistryListingConfiguration : IEntityTypeConfiguration<RegistryListing>
{
    public void Configure(EntityTypeBuilder<RegistryListing> b)
    {
        b.ToTable("RegistryListings");
        b.HasKey(x => x.Id);
        b.Property(x => x.ListingKey).HasMaxLength(600).IsRequired();
        b.HasIndex(x => new { x.EntryId, x.ListingKey }).IsUnique();
        b.Property(x => x.Period).HasMaxLength(7);
        b.Property(x => x.Batch).HasMaxLength(50);
        b.Property(x => x.ListName).HasMaxLength(300);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.RoleOrCategory).HasMaxLength(50);
        b.Property(x => x.Notice).HasMaxLength(200);
        b.Property(x => x.SourceFile).HasMaxLength(300);
        b.HasIndex(x => x.Period);
    }
}
