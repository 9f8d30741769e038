namespace Suanbei.Core.Products;

public sealed class ProductAccessStep
{
    private ProductAccessStep() { Text = ""; }
    internal ProductAccessStep(Guid id, Guid productId, int position, string text)
    {
        Id = id; ProductId = productId; Position = position; Text = text;
    }
    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; internal set; }
}
