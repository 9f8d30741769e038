using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

public sealed record FunctionRequest(string? Name, string? Description);
