using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAi;

public sealed class ReviewMarkConfiguration : IEntityTypeConfiguration<ReviewMark>
{
    public void Configure(EntityTypeBuilder<ReviewMark> b)
    {
        b.ToTable("GenAiReviewMarks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Reviewer).HasMaxLength(ReviewMark.MaxReviewerLength).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(ReviewMark.MaxReasonLength);
        b.HasOne<ReviewItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.ReviewerId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.ItemId, x.ReviewerId }).IsUnique();
        b.HasIndex(x => x.RunId);
    }
}
