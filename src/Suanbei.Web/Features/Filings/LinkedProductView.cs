using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>A linked product for display: the link as filed, the product now (null when deleted), the chosen functions
/// that still exist and how many chosen ones were deleted since.</summary>
public sealed record LinkedProductView(FilingProductLink Link, Product? Product, IReadOnlyList<ProductFunction> Functions,
    int MissingFunctions);
