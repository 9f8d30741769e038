using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAi;

public sealed class ReviewRunReviewerConfiguration : IEntityTypeConfiguration<ReviewRunReviewer>
{
    public void Configure(EntityTypeBuilder<ReviewRunReviewer> b)
    {
        b.ToTable("GenAiReviewRunReviewers");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Email).HasMaxLength(256).IsRequired();
        b.HasOne<ReviewRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RunId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}
