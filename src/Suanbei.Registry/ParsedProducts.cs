namespace Suanbei.Registry;

/// <summary>Result of parsing one 应用产品 cell.</summary>
public sealed record ParsedProducts(IReadOnlyList<ProductRef> Products, bool Truncated, bool None);
