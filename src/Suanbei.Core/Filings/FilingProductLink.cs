using Suanbei.Core.Products;

namespace Suanbei.Core.Filings;

public sealed class FilingProductLink
{
    private FilingProductLink() { }
    internal FilingProductLink(LinkedProductInput input)
    {
        Id = Guid.NewGuid();
        ProductId = input.ProductId;
        ProductName = input.ProductName.Trim();
        ProductForm = input.ProductForm.Trim();
        FunctionIds = string.Join(',', input.FunctionIds.Distinct());
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public string ProductName { get; private set; } = "";
    public string ProductForm { get; private set; } = "";
    /// <summary>Comma-separated function ids (a plain column keeps the mapping provider-neutral).</summary>
    public string FunctionIds { get; private set; } = "";

    public IReadOnlyList<Guid> FunctionIdList =>
        FunctionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    /// <summary>As in the CAC lists: 名称（形态）.</summary>
    public string Display => PublishedProducts.Item(ProductName, ProductForm);

    internal LinkedProductInput ToInput() => new(ProductId, ProductName, ProductForm, FunctionIdList);
}
