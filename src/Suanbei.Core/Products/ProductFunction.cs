namespace Suanbei.Core.Products;

public sealed class ProductFunction
{
    private ProductFunction() { Name = ""; Description = ""; }
    internal ProductFunction(Guid id, Guid productId, int position, string name, string description)
    { Id = id; ProductId = productId; Position = position; Name = name; Description = description; }
    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public int Position { get; private set; }
    /// <summary>功能名称</summary>
    public string Name { get; internal set; }
    /// <summary>功能介绍 (≤ 500 characters)</summary>
    public string Description { get; internal set; }
}
