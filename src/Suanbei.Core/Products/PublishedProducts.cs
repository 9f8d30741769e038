namespace Suanbei.Core.Products;

/// <summary>
/// 应用产品 as the CAC's published lists write it: each product as 名称（形态） (the name alone when no form is given),
/// joined by 、, and "--" for a filing without products (technical supporters). The filing's documents and public
/// entry and the registry's rows and exports all write it here.
/// </summary>
public static class PublishedProducts
{
    /// <summary>What the lists show for a filing without products.</summary>
    public const string None = "--";

    public static string Item(string name, string? form) => string.IsNullOrWhiteSpace(form) ? name : $"{name}（{form}）";

    /// <summary>The items joined as the lists join them; empty when there are none (callers choose <see cref="None"/> or a
    /// prompt to fill the field in).</summary>
    public static string Join(IEnumerable<string> items) => string.Join("、", items);
}
