namespace Suanbei.Registry;

/// <summary>One product named in 应用产品: the product name and its form (APP, 网站, 小程序, …; null when not given).</summary>
public sealed record ProductRef(string Name, string? Form)
{
    /// <summary>What the CAC's lists show for a filing without products (technical supporters).</summary>
    public const string NoProducts = "--";

    /// <summary>As in the CAC's lists: 名称（形态）, or the name alone when no form is given.</summary>
    public string Display => string.IsNullOrWhiteSpace(Form) ? Name : $"{Name}（{Form}）";

    /// <summary>应用产品 as the CAC's lists write it: each <see cref="Display"/> joined by 、; <see cref="NoProducts"/> when empty.</summary>
    public static string Join(IEnumerable<ProductRef> products) =>
        string.Join("、", products.Select(p => p.Display)) is { Length: > 0 } text ? text : NoProducts;
}
