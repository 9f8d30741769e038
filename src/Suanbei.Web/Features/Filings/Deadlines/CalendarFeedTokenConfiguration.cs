using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Filings.Deadlines;

public sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> b)
    {
        b.ToTable("CalendarFeedTokens");
        b.HasKey(x => new { x.UserId, x.OrganisationId });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.OrganisationId).HasMaxLength(450);
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.TokenHash).IsUnique();
    }
}
