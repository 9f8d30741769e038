using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.GenerativeAi;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>The products a generative-AI filing links, one row each.</summary>
public sealed class GenAiProductLinkConfiguration : IEntityTypeConfiguration<GenerativeAiProductLink>
{
    public void Configure(EntityTypeBuilder<GenerativeAiProductLink> b)
    {
        b.ToTable("GenAiFilingProducts");
        b.HasKey(x => x.Id);
        b.Property<Guid>("FilingId"); // the owner's key (configured before or after the owner)
        b.Property(x => x.ProductName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ProductForm).HasMaxLength(50).IsRequired();
        b.Ignore(x => x.Display);
        b.HasIndex("FilingId");
    }
}
