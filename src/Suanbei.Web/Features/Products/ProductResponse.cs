using Suanbei.Core;
using Suanbei.Core.Products;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

public sealed record ProductResponse(Guid Id, Guid SubjectId, string ListLabel, string FormName, string StatusName, string AudienceName,
    ProductDetails Details, IReadOnlyList<ProductFunctionResponse> Functions, DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(Product p) => new(p.Id, p.SubjectId, p.ListLabel, DisplayNames.Of(p.Form), DisplayNames.Of(p.Status),
        DisplayNames.Of(p.Audience), ProductDisplay.Details(p),
        p.Functions.Select(f => new ProductFunctionResponse(f.Id, f.Name, f.Description)).ToList(), p.UpdatedAt);
}
