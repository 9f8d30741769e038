using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Organisations;

namespace Suanbei.Web.Features.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("Organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(450);
        b.Property(x => x.Name).HasMaxLength(Organisation.NameMax).IsRequired();
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_members");
    }
}
