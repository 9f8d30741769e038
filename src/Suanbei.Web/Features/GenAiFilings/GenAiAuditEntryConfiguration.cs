using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

public sealed class GenAiAuditEntryConfiguration : IEntityTypeConfiguration<GenerativeAiAuditEntry>
{
    public void Configure(EntityTypeBuilder<GenerativeAiAuditEntry> b)
    {
        b.ToTable("GenAiFilingAudit");
        b.HasKey(x => x.Id);
        b.Property<Guid>("FilingId"); // the owner's key (configured before or after the owner)
        // The shared entry names the member ActorUserId; this table's column kept its first name (no migration).
        b.Property(x => x.ActorUserId).HasColumnName("ActorId").HasMaxLength(450).IsRequired();
        b.Property(x => x.ActorName).HasMaxLength(256).IsRequired();
        // One entry per position: two concurrent writers cannot both append entry n.
        b.HasIndex("FilingId", nameof(GenerativeAiAuditEntry.Sequence)).IsUnique();
    }
}
