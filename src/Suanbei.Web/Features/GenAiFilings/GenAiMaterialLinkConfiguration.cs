using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

public sealed class GenAiMaterialLinkConfiguration : IEntityTypeConfiguration<GenerativeAiMaterialLink>
{
    public const int PartMaxLength = 16;

    public void Configure(EntityTypeBuilder<GenerativeAiMaterialLink> b)
    {
        b.ToTable("GenAiFilingMaterials");
        b.HasKey(x => x.Id);
        b.Property<Guid>("FilingId"); // the owner's key (configured before or after the owner)
        b.Property(x => x.Key).HasMaxLength(64).IsRequired();
        b.Property(x => x.Part).HasMaxLength(PartMaxLength).IsRequired();
        b.HasIndex("FilingId");
        b.HasIndex(x => x.MaterialId);
    }
}
