namespace Suanbei.Registry;

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
