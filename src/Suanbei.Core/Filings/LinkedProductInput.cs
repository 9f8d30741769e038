using Suanbei.Core.Products;

namespace Suanbei.Core.Filings;

/// <summary>A product (and some of its functions) a provider links; name and form are a snapshot for the public entry.</summary>
public sealed record LinkedProductInput(Guid ProductId, string ProductName, string ProductForm, IReadOnlyList<Guid> FunctionIds);
