using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Registry;

namespace Suanbei.Web.Features.Registry.Store;

public sealed class RegistrySearchRowConfiguration : IEntityTypeConfiguration<RegistrySearchRow>
{
    public void Configure(EntityTypeBuilder<RegistrySearchRow> b)
    {
        b.ToTable("RegistrySearch");
        b.HasKey(x => x.EntryId);
        b.Property(x => x.Text).IsRequired();
    }
}
