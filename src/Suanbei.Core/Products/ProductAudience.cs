namespace Suanbei.Core.Products;

/// <summary>服务对象.</summary>
public enum ProductAudience { Individuals = 0, Businesses = 1, Both = 2 }
