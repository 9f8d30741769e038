using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Admin;

public sealed class ReviewerProvinceConfiguration : IEntityTypeConfiguration<ReviewerProvince>
{
    public void Configure(EntityTypeBuilder<ReviewerProvince> b)
    {
        b.ToTable("ReviewerProvinces");
        b.HasKey(x => new { x.UserId, x.ProvinceCode });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ProvinceCode).HasMaxLength(2);
    }
}
