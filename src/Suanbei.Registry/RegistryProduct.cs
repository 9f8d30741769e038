namespace Suanbei.Registry;

/// <summary>A (name, form) pair parsed from the entry's current 应用产品.</summary>
public sealed class RegistryProduct
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public string Name { get; set; } = "";
    public string? Form { get; set; }
}
