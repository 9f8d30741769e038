using Suanbei.Registry.Store;

namespace Suanbei.Registry.Publishing;

/// <summary>
/// The registry side of <see cref="IRegistrySink"/> (the web app registers it scoped). <paramref name="changed"/> runs
/// after each publication, e.g. to drop a similarity index built from the previous text.
/// </summary>
public sealed class RegistryPublisher(IRegistryStore store, Action? changed = null) : IRegistrySink
{
    public const string SourceName = "本系统公示";

    public async Task PublishAsync(PublishedFiling f, CancellationToken ct = default)
    {
        var number = RegistryNumbers.Normalise(f.Number);
        if (RegistryNumbers.Classify(number) == RegistryNumberScheme.Unknown)
            throw new ArgumentException($"备案编号格式不正确：“{f.Number}”", nameof(f));
        // Structured products from the filing: no parsing; the text is written the one way the lists write it.
        var products = Clean(f.Products);
        var row = new RegistryRow
        {
            RowNumber = 0,
            List = RegistryListKind.FiledHere,
            Period = f.PublishedOn.ToString("yyyy-MM"),
            Batch = SourceName,
            ListName = SourceName,
            Name = f.Name.Trim(),
            Role = string.IsNullOrWhiteSpace(f.Role) ? null : f.Role.Trim(),
            Category = string.IsNullOrWhiteSpace(f.Category) ? null : f.Category.Trim(),
            Entity = f.Entity.Trim(),
            ProductsRaw = ProductRef.Join(products),
            Products = products,
            Purpose = f.Purpose,
            Number = number,
            Remark = f.Remark,
            FiledOn = f.PublishedOn,
        };
        await store.ApplyRowsAsync([row], SourceName, ct);
        changed?.Invoke();
    }

    public async Task PublishAsync(PublishedGenerativeAiService s, CancellationToken ct = default)
    {
        var number = RegistryNumbers.Normalise(s.Number);
        var expected = s.Kind == GenerativeAiKind.Registration
            ? RegistryNumberScheme.GenerativeAiRegistration : RegistryNumberScheme.GenerativeAiFiling;
        if (RegistryNumbers.Classify(number) != expected)
            throw new ArgumentException($"{(s.Kind == GenerativeAiKind.Registration ? "登记" : "备案")}编号格式不正确：“{s.Number}”", nameof(s));
        var products = Clean(s.Products);
        var row = new RegistryRow
        {
            RowNumber = 0,
            List = RegistryListKind.FiledHere,
            Period = s.FiledOn.ToString("yyyy-MM"),
            Batch = SourceName,
            ListName = SourceName,
            Name = s.ModelName.Trim(),
            Entity = s.Entity.Trim(),
            ProductsRaw = products.Count > 0 ? ProductRef.Join(products) : null,
            Products = products,
            Number = number,
            Remark = s.Remark,
            Region = s.Region.Trim(),
            FiledOn = s.FiledOn,
            GenerativeKind = s.Kind,
        };
        await store.ApplyRowsAsync([row], SourceName, ct);
        changed?.Invoke();
    }

    public async Task CancelAsync(string number, DateOnly cancelledOn, string? note = null, CancellationToken ct = default)
    {
        var n = RegistryNumbers.Normalise(number);
        if (RegistryNumbers.Classify(n) == RegistryNumberScheme.Unknown)
            throw new ArgumentException($"备案编号格式不正确：“{number}”", nameof(number));
        var row = new RegistryRow
        {
            RowNumber = 0,
            List = RegistryListKind.Cancellation,
            Period = cancelledOn.ToString("yyyy-MM"),
            Batch = SourceName,
            Name = "",
            Entity = "",
            Number = n,
            Remark = note,
            CancelledOn = cancelledOn,
            CancelledText = cancelledOn.ToString("yyyy年M月d日"),
            Notice = SourceName + "注销",
        };
        await store.ApplyRowsAsync([row], SourceName, ct);
    }

    private static List<ProductRef> Clean(IEnumerable<ProductRef> products) =>
        products.Select(p => new ProductRef(p.Name.Trim(), string.IsNullOrWhiteSpace(p.Form) ? null : p.Form.Trim()))
            .Where(p => p.Name.Length > 0).ToList();
}
