using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAi;

public sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> b)
    {
        b.ToTable("GenAiReviewItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Bank).HasMaxLength(16).IsRequired();
        b.Property(x => x.Key).HasMaxLength(200).IsRequired();
        b.Property(x => x.Risks).HasMaxLength(200).IsRequired();
        b.Property(x => x.Question).IsRequired();
        b.Property(x => x.Answer).IsRequired();
        b.HasOne<ReviewRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RunId, x.Seq }).IsUnique();
    }
}
