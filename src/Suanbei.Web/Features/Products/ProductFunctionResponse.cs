using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

public sealed record ProductFunctionResponse(Guid Id, string Name, string Description);
