using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Notifications;

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.HasKey(w => w.Id);
        b.Property(w => w.OrganisationId).HasMaxLength(450).IsRequired();
        b.Property(w => w.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength).IsRequired();
        b.Property(w => w.Secret).HasMaxLength(WebhookEndpoint.MaxStoredSecretLength).IsRequired();
        b.Property(w => w.CreatedBy).HasMaxLength(450).IsRequired();
        b.Ignore(w => w.Enabled);
        b.HasIndex(w => w.OrganisationId);
    }
}
