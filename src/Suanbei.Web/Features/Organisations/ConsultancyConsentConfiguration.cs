using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Organisations;

namespace Suanbei.Web.Features.Organisations;

public sealed class ConsultancyConsentConfiguration : IEntityTypeConfiguration<ConsultancyConsent>
{
    public void Configure(EntityTypeBuilder<ConsultancyConsent> b)
    {
        b.ToTable("ConsultancyConsents");
        b.HasKey(x => x.Id);
        b.Property(x => x.ClientId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ConsultancyId).HasMaxLength(450).IsRequired();
        b.Property(x => x.GrantedBy).HasMaxLength(450).IsRequired();
        b.Property(x => x.RevokedBy).HasMaxLength(450);
        b.Ignore(x => x.Active);
        b.HasIndex(x => x.ClientId);
        b.HasIndex(x => x.ConsultancyId);
    }
}
