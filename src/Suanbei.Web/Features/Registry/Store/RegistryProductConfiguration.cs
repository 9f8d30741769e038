using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Registry;

namespace Suanbei.Web.Features.Registry.Store;

public sealed class RegistryProductConfiguration : IEntityTypeConfiguration<RegistryProduct>
{
    public void Configure(EntityTypeBuilder<RegistryProduct> b)
    {
        b.ToTable("RegistryProducts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Form).HasMaxLength(20);
        b.HasIndex(x => x.EntryId);
        b.HasIndex(x => x.Form);
    }
}
