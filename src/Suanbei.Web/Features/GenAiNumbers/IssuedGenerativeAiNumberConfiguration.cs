using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.GenAiNumbers;

public sealed class IssuedGenerativeAiNumberConfiguration : IEntityTypeConfiguration<IssuedGenerativeAiNumber>
{
    public void Configure(EntityTypeBuilder<IssuedGenerativeAiNumber> b)
    {
        b.ToTable("IssuedGenerativeAiNumbers");
        b.HasKey(x => x.Number);
        b.Property(x => x.Number).HasMaxLength(GenerativeAiNumberAllocator.MaxNumberLength);
        b.Property(x => x.NumberKey).HasMaxLength(GenerativeAiNumberAllocator.MaxNumberLength);
        b.Property(x => x.Province).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(GenerativeAiNumberAllocator.MaxNumberLength);
        b.HasIndex(x => x.NumberKey).IsUnique();
        // 备案 and 登记 count apart; 备案 rows dated before 2024-04-28 have no sequence, and NULLs are distinct in a unique
        // index on SQLite and PostgreSQL alike.
        b.HasIndex(x => new { x.Kind, x.Province, x.Year, x.Sequence }).IsUnique();
    }
}
