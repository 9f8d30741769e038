using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Notifications;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.EventKey).HasMaxLength(Notifier.MaxEventKeyLength).IsRequired();
        b.Property(m => m.Target).HasMaxLength(320).IsRequired();
        b.Property(m => m.AccountId).HasMaxLength(450);
        b.Property(m => m.OrganisationId).HasMaxLength(450);
        b.Property(m => m.Title).HasMaxLength(200).IsRequired();
        b.Property(m => m.Body).IsRequired();
        b.Property(m => m.Link).HasMaxLength(500);
        b.Property(m => m.LeaseOwner).HasMaxLength(100);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.EventKey, m.Channel, m.Target }).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.AccountId, m.CreatedAt });
        b.HasIndex(m => new { m.OrganisationId, m.CreatedAt });
    }
}
