using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suanbei.Core.Filings;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings;

public sealed class AlgorithmFilingConfiguration : IEntityTypeConfiguration<AlgorithmFiling>
{
    public void Configure(EntityTypeBuilder<AlgorithmFiling> b)
    {
        b.ToTable("AlgorithmFilings");
        b.HasKey(x => x.Id);
        b.Property(x => x.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ConcurrencyVersion).IsConcurrencyToken();
        b.Property(x => x.Name).HasMaxLength(FilingRules.ShortTextMax);
        b.Property(x => x.Domain).HasMaxLength(FilingRules.ShortTextMax);
        b.Property(x => x.MainPurpose).HasMaxLength(FilingRules.MainPurposeMax);
        b.Property(x => x.FilingNumber).HasMaxLength(32);
        b.HasIndex(x => x.OwnerUserId);
        b.HasIndex(x => x.SubjectId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.EntryId);
        b.HasIndex(x => x.Status);
        // Not unique: every version of an entry carries the entry's number. Uniqueness lives in IssuedFilingNumbers.
        b.HasIndex(x => x.FilingNumber);
        b.Ignore(x => x.IsPublic);
        b.Ignore(x => x.DomainEvents);
        b.Ignore(x => x.RemarkLines);
        b.Ignore(x => x.OpenReturnReasons);

        b.HasMany(x => x.Labeling).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Labeling).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_labeling");
        b.HasMany(x => x.LinkedProducts).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.LinkedProducts).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_products");
        // Return reasons and the audit trail are history: a filing with history cannot be deleted (Restrict).
        b.HasMany(x => x.ReturnReasons).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.ReturnReasons).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_returnReasons");
        b.HasMany(x => x.AuditTrail).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.AuditTrail).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_auditTrail");
    }
}

public sealed class FilingLabelingConfiguration : IEntityTypeConfiguration<FilingLabeling>
{
    public void Configure(EntityTypeBuilder<FilingLabeling> b)
    {
        b.ToTable("AlgorithmFilingLabeling");
        b.HasKey(x => x.Id);
        b.HasIndex("FilingId");
    }
}

public sealed class FilingProductLinkConfiguration : IEntityTypeConfiguration<FilingProductLink>
{
    public void Configure(EntityTypeBuilder<FilingProductLink> b)
    {
        b.ToTable("AlgorithmFilingProducts");
        b.HasKey(x => x.Id);
        b.Property(x => x.ProductName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ProductForm).HasMaxLength(50).IsRequired();
        b.Property(x => x.FunctionIds).HasMaxLength(4000).IsRequired();
        b.Ignore(x => x.FunctionIdList);
        b.Ignore(x => x.Display);
        b.HasIndex("FilingId");
    }
}

public sealed class FilingReturnReasonConfiguration : IEntityTypeConfiguration<FilingReturnReason>
{
    public void Configure(EntityTypeBuilder<FilingReturnReason> b)
    {
        b.ToTable("AlgorithmFilingReturnReasons");
        b.HasKey(x => x.Id);
        b.Property(x => x.Field).HasMaxLength(64).IsRequired();
        b.Property(x => x.Reason).IsRequired();
        b.HasIndex("FilingId");
    }
}

public sealed class FilingAuditEntryConfiguration : IEntityTypeConfiguration<FilingAuditEntry>
{
    public void Configure(EntityTypeBuilder<FilingAuditEntry> b)
    {
        b.ToTable("AlgorithmFilingAudit");
        b.HasKey(x => x.Id);
        b.Property(x => x.ActorUserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ActorName).HasMaxLength(256).IsRequired();
        // One entry per position: two concurrent writers cannot both append entry n.
        b.HasIndex("FilingId", nameof(FilingAuditEntry.Sequence)).IsUnique();
    }
}

/// <summary>The stable 7-digit entity code of a subject (digits 7–13 of its filing numbers), allocated at its first publication.</summary>
public sealed class SubjectEntityCode
{
    public Guid SubjectId { get; set; }
    public string EntityCode { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Every filing number ever issued. Rows are never deleted (cancellation keeps them), so a number or a
/// (entity, type, year, sequence) can never be issued twice; the unique indexes make the database enforce it.
/// </summary>
public sealed class IssuedFilingNumber
{
    public string Number { get; set; } = "";
    public string EntityCode { get; set; } = "";
    public string TypeCode { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The public entry (id of its initial version) that received the number; one number per entry.</summary>
    public Guid EntryId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
}

public sealed class SubjectEntityCodeConfiguration : IEntityTypeConfiguration<SubjectEntityCode>
{
    public void Configure(EntityTypeBuilder<SubjectEntityCode> b)
    {
        b.ToTable("SubjectEntityCodes");
        b.HasKey(x => x.SubjectId);
        b.Property(x => x.EntityCode).HasMaxLength(7).IsRequired();
        b.HasIndex(x => x.EntityCode).IsUnique();
    }
}

public sealed class IssuedFilingNumberConfiguration : IEntityTypeConfiguration<IssuedFilingNumber>
{
    public void Configure(EntityTypeBuilder<IssuedFilingNumber> b)
    {
        b.ToTable("IssuedFilingNumbers");
        b.HasKey(x => x.Number);
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.EntityCode).HasMaxLength(7).IsRequired();
        b.Property(x => x.TypeCode).HasMaxLength(2).IsRequired();
        b.HasIndex(x => new { x.EntityCode, x.TypeCode, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => x.EntryId).IsUnique();
        b.HasIndex(x => x.SubjectId);
    }
}
