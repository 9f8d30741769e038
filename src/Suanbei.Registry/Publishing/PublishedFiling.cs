namespace Suanbei.Registry.Publishing;

/// <summary>A filing published (or changed) by this system, as it appears in the public registry.</summary>
/// <param name="Products">应用产品 as structured rows (empty for technical supporters); the registry writes the text the
/// lists show (<see cref="ProductRef.Join"/>).</param>
/// <param name="Remark">Change note shown like the CAC's 备注, e.g. "2026年11月，变更内容：新增产品…"; null for the first
/// publication.</param>
public sealed record PublishedFiling(
    string Number, string Name, string? Role, string? Category, string Entity, IReadOnlyList<ProductRef> Products,
    string? Purpose, DateOnly PublishedOn, string? Remark = null);
