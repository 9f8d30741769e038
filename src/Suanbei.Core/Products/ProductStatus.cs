namespace Suanbei.Core.Products;

/// <summary>服务状态.</summary>
public enum ProductStatus { InService = 0, Testing = 1, InDevelopment = 2, Discontinued = 3 }
