using Suanbei.Web.Features.Registry.Similarity;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>A filing published (or changed) by this system, as it appears in the public registry.</summary>
/// <param name="Products">应用产品 as text (名称（形态） joined by 、; "--" or null for technical supporters).</param>
/// <param name="Remark">Change note shown like the CAC's 备注, e.g. "2026年11月，变更内容：新增产品…"; null for the first publication.</param>
public sealed record PublishedFiling(
    string Number, string Name, string? Role, string? Category, string Entity, string? Products, string? Purpose,
    DateOnly PublishedOn, string? Remark = null);

/// <summary>
/// How the filing slice feeds its own public entries into the registry (source "filed here"). Call
/// <see cref="PublishAsync"/> on publication and on every published change, <see cref="CancelAsync"/> on cancellation.
/// Both are idempotent (same call twice → same registry) and run in the caller's DbContext scope.
/// </summary>
public interface IRegistrySink
{
    Task PublishAsync(PublishedFiling filing, CancellationToken ct = default);
    Task CancelAsync(string number, DateOnly cancelledOn, string? note = null, CancellationToken ct = default);
}

/// <summary>The registry side of <see cref="IRegistrySink"/>; registered as a scoped service by <see cref="RegistryModule"/>.</summary>
public sealed class RegistryPublisher(RegistryStore store, RegistrySimilarity? similarity = null) : IRegistrySink
{
    public const string SourceName = "本系统公示";

    public async Task PublishAsync(PublishedFiling f, CancellationToken ct = default)
    {
        var number = RegistryNumbers.Normalise(f.Number);
        if (RegistryNumbers.Classify(number) == RegistryNumberScheme.Unknown)
            throw new ArgumentException($"备案编号格式不正确：“{f.Number}”", nameof(f));
        var parsed = ProductParser.Parse(f.Products);
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
            ProductsRaw = string.IsNullOrWhiteSpace(f.Products) ? null : f.Products.Trim(),
            Products = parsed.Products,
            ProductsTruncated = parsed.Truncated,
            Purpose = f.Purpose,
            Number = number,
            Remark = f.Remark,
            FiledOn = f.PublishedOn,
        };
        await store.ApplyRowsAsync([row], SourceName, ct);
        similarity?.Invalidate();
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
}
