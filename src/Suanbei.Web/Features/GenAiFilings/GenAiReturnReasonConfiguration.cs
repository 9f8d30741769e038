using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

public sealed class GenAiReturnReasonConfiguration : IEntityTypeConfiguration<GenerativeAiReturnReason>
{
    public void Configure(EntityTypeBuilder<GenerativeAiReturnReason> b)
    {
        b.ToTable("GenAiFilingReturnReasons");
        b.HasKey(x => x.Id);
        b.Property<Guid>("FilingId"); // the owner's key (configured before or after the owner)
        b.Property(x => x.Field).HasMaxLength(64).IsRequired();
        b.Property(x => x.Reason).IsRequired();
        b.HasIndex("FilingId");
    }
}
