using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Features.Products;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("Products");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Name).HasMaxLength(ProductValidation.MaxText).IsRequired();
        b.Property(x => x.AccessAddress).HasMaxLength(ProductValidation.MaxText);
        b.Property(x => x.IcpNumber).HasMaxLength(100);
        b.Property(x => x.IcpHolder).HasMaxLength(ProductValidation.MaxText);
        b.Property(x => x.IcpBusinessScope).HasMaxLength(ProductValidation.MaxLongText);
        b.Property(x => x.PriorLicenceDescription).HasMaxLength(ProductValidation.MaxText);
        b.Property(x => x.PersonalisedPushDescription).HasMaxLength(ProductValidation.MaxLongText);
        b.Property(x => x.MinorsProtection).HasMaxLength(ProductValidation.MaxLongText);
        b.Ignore(x => x.ListLabel);
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.SubjectId);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.AccessPath).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.AccessPath).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_accessPath");
        b.HasMany(x => x.Functions).WithOne().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Functions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_functions");
    }
}
