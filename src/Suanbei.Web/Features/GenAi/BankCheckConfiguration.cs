using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAi;

public sealed class BankCheckConfiguration : IEntityTypeConfiguration<BankCheck>
{
    public void Configure(EntityTypeBuilder<BankCheck> b)
    {
        b.ToTable("GenAiBankChecks");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(16).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(255).IsRequired();
        b.Property(x => x.Format).HasMaxLength(8).IsRequired();
        b.Property(x => x.ReportJson).IsRequired();
        b.Property(x => x.BankName).HasMaxLength(BankCheck.MaxNameLength).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.OwnerId, x.CheckedAt });
        b.HasIndex(x => new { x.OwnerId, x.Kind, x.BankName, x.Version }).IsUnique();
    }
}
