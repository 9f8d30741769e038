using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Products;

namespace Suanbei.Web.Features.Products;

public sealed class ProductFunctionConfiguration : IEntityTypeConfiguration<ProductFunction>
{
    public void Configure(EntityTypeBuilder<ProductFunction> b)
    {
        b.ToTable("ProductFunctions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(ProductValidation.MaxText).IsRequired();
        b.Property(x => x.Description).HasMaxLength(Product.MaxFunctionDescription).IsRequired();
        b.HasIndex(x => x.ProductId);
    }
}
