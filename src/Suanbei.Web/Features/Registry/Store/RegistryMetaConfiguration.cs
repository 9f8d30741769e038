using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Registry.Store;

public sealed class RegistryMetaConfiguration : IEntityTypeConfiguration<RegistryMeta>
{
    public void Configure(EntityTypeBuilder<RegistryMeta> b)
    {
        b.ToTable("RegistryMeta");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
