using Suanbei.Core.Products;

namespace Suanbei.Registry;

/// <summary>One product named in 应用产品: the product name and its form (APP, 网站, 小程序, …; null when not given).</summary>
public sealed record ProductRef(string Name, string? Form)
{
    /// <summary>As in the CAC's lists: 名称（形态）, or the name alone when no form is given.</summary>
    public string Display => PublishedProducts.Item(Name, Form);

    /// <summary>应用产品 as the CAC's lists write it: each <see cref="Display"/> joined by 、; <see cref="PublishedProducts.None"/>
    /// when empty.</summary>
    public static string Join(IEnumerable<ProductRef> products) =>
        PublishedProducts.Join(products.Select(p => p.Display)) is { Length: > 0 } text ? text : PublishedProducts.None;
}
