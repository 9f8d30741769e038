using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.AccountId).HasMaxLength(450).IsRequired();
        b.Property(n => n.EventKey).HasMaxLength(Notifier.MaxEventKeyLength).IsRequired();
        b.Property(n => n.Title).HasMaxLength(200).IsRequired();
        b.Property(n => n.Body).IsRequired();
        b.Property(n => n.Link).HasMaxLength(500);
        b.HasIndex(n => new { n.AccountId, n.EventKey }).IsUnique();
        b.HasIndex(n => new { n.AccountId, n.CreatedAt });
    }
}
