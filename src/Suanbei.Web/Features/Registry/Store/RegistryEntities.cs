using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suanbei.Web.Features.Registry.Store;

public enum RegistryStatus { Active = 0, Cancelled = 1 }

/// <summary>
/// One filing number in the registry, merged over every list it appeared in. Descriptive fields come from its most
/// recent listing; <see cref="Listings"/> keeps each batch with its 备注; status follows cancellation notices.
/// </summary>
public sealed class RegistryEntry
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public RegistryNumberScheme Scheme { get; set; }
    public RegistryListKind List { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? Category { get; set; }
    public string Entity { get; set; } = "";
    public string? ProductsRaw { get; set; }
    public bool ProductsTruncated { get; set; }
    public string? Purpose { get; set; }
    /// <summary>属地 of generative-AI rows.</summary>
    public string? Region { get; set; }
    /// <summary>Six-digit region code from an algorithm number.</summary>
    public string? RegionCode { get; set; }
    /// <summary>Province-level name (Regions.ProvinceName of the region code, or the 属地 of generative-AI rows).</summary>
    public string? Province { get; set; }
    public string? TypeCode { get; set; }
    public Suanbei.Core.AlgorithmType? AlgorithmType { get; set; }
    public int? Year { get; set; }
    public DateOnly? FiledOn { get; set; }
    public GenerativeAiKind? GenerativeKind { get; set; }
    /// <summary>False when the number does not fit the published check-digit pattern (kept, flagged).</summary>
    public bool CheckDigitMatches { get; set; } = true;
    public RegistryStatus Status { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? CancelledNotice { get; set; }
    public bool InOfficialList { get; set; }
    public bool FiledHere { get; set; }
    /// <summary>"YYYY-MM" of the first and latest listing.</summary>
    public string? FirstPeriod { get; set; }
    public string? LatestPeriod { get; set; }
    /// <summary>The substring-search text, kept in its own narrow table so that a search scans only that.</summary>
    public RegistrySearchRow? Search { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<RegistryListing> Listings { get; set; } = [];
    public List<RegistryProduct> Products { get; set; } = [];
}

/// <summary>One appearance of an entry in a published list (or a publication by this system), with that list's 备注.</summary>
public sealed class RegistryListing
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public RegistryListKind List { get; set; }
    /// <summary>Identity of the list within the entry: kind|period|batch|list name (re-import of the same list is a no-op).</summary>
    public string ListingKey { get; set; } = "";
    public string? Period { get; set; }
    public string? Batch { get; set; }
    public string? ListName { get; set; }
    public int? Seq { get; set; }
    public string Name { get; set; } = "";
    public string? RoleOrCategory { get; set; }
    public string? ProductsRaw { get; set; }
    public string? Purpose { get; set; }
    public string? Remark { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? Notice { get; set; }
    public string? SourceFile { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>A (name, form) pair parsed from the entry's current 应用产品.</summary>
public sealed class RegistryProduct
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public string Name { get; set; } = "";
    public string? Form { get; set; }
}

/// <summary>Lower-case, width-folded, space-free text of an entry's name, entity, products, purpose and number.</summary>
public sealed class RegistrySearchRow
{
    public Guid EntryId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class RegistrySearchRowConfiguration : IEntityTypeConfiguration<RegistrySearchRow>
{
    public void Configure(EntityTypeBuilder<RegistrySearchRow> b)
    {
        b.ToTable("RegistrySearch");
        b.HasKey(x => x.EntryId);
        b.Property(x => x.Text).IsRequired();
    }
}

public sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> b)
    {
        b.ToTable("RegistryEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.Name).HasMaxLength(500).IsRequired();
        b.Property(x => x.Entity).HasMaxLength(500).IsRequired();
        b.Property(x => x.Role).HasMaxLength(50);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.Region).HasMaxLength(50);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Province).HasMaxLength(50);
        b.Property(x => x.TypeCode).HasMaxLength(2);
        b.Property(x => x.CancelledNotice).HasMaxLength(200);
        b.Property(x => x.FirstPeriod).HasMaxLength(7);
        b.Property(x => x.LatestPeriod).HasMaxLength(7);
        b.HasOne(x => x.Search).WithOne().HasForeignKey<RegistrySearchRow>(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Entity);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.Province);
        b.HasIndex(x => x.LatestPeriod);
        b.HasMany(x => x.Listings).WithOne().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Products).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegistryListingConfiguration : IEntityTypeConfiguration<RegistryListing>
{
    public void Configure(EntityTypeBuilder<RegistryListing> b)
    {
        b.ToTable("RegistryListings");
        b.HasKey(x => x.Id);
        b.Property(x => x.ListingKey).HasMaxLength(600).IsRequired();
        b.HasIndex(x => new { x.EntryId, x.ListingKey }).IsUnique();
        b.Property(x => x.Period).HasMaxLength(7);
        b.Property(x => x.Batch).HasMaxLength(50);
        b.Property(x => x.ListName).HasMaxLength(300);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.RoleOrCategory).HasMaxLength(50);
        b.Property(x => x.Notice).HasMaxLength(200);
        b.Property(x => x.SourceFile).HasMaxLength(300);
        b.HasIndex(x => x.Period);
    }
}

public sealed class RegistryProductConfiguration : IEntityTypeConfiguration<RegistryProduct>
{
    public void Configure(EntityTypeBuilder<RegistryProduct> b)
    {
        b.ToTable("RegistryProducts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Form).HasMaxLength(20);
        b.HasIndex(x => x.EntryId);
        b.HasIndex(x => x.Form);
    }
}

/// <summary>
/// One row (Id 1): bumped in the same transaction as every change to the registry, so that each process's in-memory
/// <see cref="RegistrySearchIndex"/> notices imports made by another process (CLI) with one cheap read per search.
/// The random <see cref="Stamp"/> tells apart two databases that happen to reach the same version.
/// </summary>
public sealed class RegistryMeta
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Version { get; set; }
    public Guid Stamp { get; set; }
}

public sealed class RegistryMetaConfiguration : IEntityTypeConfiguration<RegistryMeta>
{
    public void Configure(EntityTypeBuilder<RegistryMeta> b)
    {
        b.ToTable("RegistryMeta");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
