using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Organisations;

namespace Suanbei.Web.Features.Organisations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("OrganisationInvitations");
        b.HasKey(x => x.Id);
        b.Property(x => x.OrganisationId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Email).HasMaxLength(256).IsRequired();
        b.Property(x => x.InvitedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.AcceptedBy).HasMaxLength(450);
        b.Property(x => x.WithdrawnBy).HasMaxLength(450);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.OrganisationId);
    }
}
