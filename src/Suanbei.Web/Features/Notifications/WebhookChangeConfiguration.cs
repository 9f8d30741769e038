using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Notifications;

public sealed class WebhookChangeConfiguration : IEntityTypeConfiguration<WebhookChange>
{
    public void Configure(EntityTypeBuilder<WebhookChange> b)
    {
        b.ToTable("WebhookChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.OrganisationId).HasMaxLength(450).IsRequired();
        b.Property(c => c.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength).IsRequired();
        b.Property(c => c.ActorUserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.ActorName).HasMaxLength(400).IsRequired();
        b.Property(c => c.Detail).HasMaxLength(WebhookChange.MaxDetailLength);
        b.HasIndex(c => new { c.OrganisationId, c.At });
    }
}
