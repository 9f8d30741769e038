using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Organisations;

namespace Suanbei.Web.Features.Organisations;

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("OrganisationMembers");
        b.HasKey(x => x.Id);
        b.Property(x => x.OrganisationId).HasMaxLength(450).IsRequired();
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.OrganisationId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}
