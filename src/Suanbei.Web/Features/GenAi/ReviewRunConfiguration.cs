using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAi;

public sealed class ReviewRunConfiguration : IEntityTypeConfiguration<ReviewRun>
{
    public void Configure(EntityTypeBuilder<ReviewRun> b)
    {
        b.ToTable("GenAiReviewRuns");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Model).HasMaxLength(200).IsRequired();
        b.Property(x => x.Endpoint).HasMaxLength(500).IsRequired();
        b.Property(x => x.RulesVersion).HasMaxLength(32).IsRequired();
        b.Property(x => x.InputHashesJson).IsRequired();
        b.HasIndex(x => new { x.OwnerId, x.ImportedAt });
    }
}
