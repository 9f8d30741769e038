namespace Suanbei.Registry;

/// <summary>Lower-case, width-folded, space-free text of an entry's name, entity, products, purpose and number.</summary>
public sealed class RegistrySearchRow
{
    public Guid EntryId { get; set; }
    public string Text { get; set; } = "";
}
