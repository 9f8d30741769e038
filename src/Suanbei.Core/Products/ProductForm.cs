namespace Suanbei.Core.Products;

/// <summary>服务形式 of a product (reference §2/§3).</summary>
public enum ProductForm { Website = 0, App = 1, MiniProgram = 2, PublicAccount = 3, Plugin = 4, Api = 5, Desktop = 6, Other = 7 }
