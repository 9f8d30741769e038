using Suanbei.Core.Checks;
using Suanbei.Web.Features.Filings;

namespace Suanbei.Web.Features.Filings.Checks;

/// <summary>The page (and the element on it) where the field of a finding is edited: a filing step, a product or the subject.</summary>
public static class CheckFieldLinks
{
    /// <summary>The link for a resolved finding field; <paramref name="productIds"/> are the snapshot's products in order.</summary>
    public static string Href(CheckFieldTarget target, Guid filingId, IReadOnlyList<Guid> productIds) => target.Owner switch
    {
        CheckFieldOwner.Filing => FilingFormLinks.Href(filingId, target.FormField),
        CheckFieldOwner.Product => target.ProductIndex is { } i && i < productIds.Count
            ? $"/products/edit?id={productIds[i]}#{ProductAnchor(target.FormField)}" : "/products",
        _ => $"/subjects#Input_{target.FormField}",
    };

    /// <summary>Ids on the product page: the access-path list, the function table, otherwise the input.</summary>
    public static string ProductAnchor(string formField) => formField switch
    {
        "AccessPath" => "access-path",
        "FunctionName" or "FunctionDescription" => "function-list",
        _ => "Input_" + formField,
    };
}
