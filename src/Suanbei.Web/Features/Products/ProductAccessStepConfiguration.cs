using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Products;

namespace Suanbei.Web.Features.Products;

public sealed class ProductAccessStepConfiguration : IEntityTypeConfiguration<ProductAccessStep>
{
    public void Configure(EntityTypeBuilder<ProductAccessStep> b)
    {
        b.ToTable("ProductAccessSteps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(ProductValidation.MaxText).IsRequired();
        b.HasIndex(x => x.ProductId);
    }
}
