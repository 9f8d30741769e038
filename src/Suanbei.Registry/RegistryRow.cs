namespace Suanbei.Registry;

/// <summary>
/// One row of a published list as read from a file, before it is merged into the registry.
/// Text is kept as published (typos included); only whitespace at the ends is trimmed and the number is normalised.
/// </summary>
public sealed record RegistryRow
{
    /// <summary>1-based row number in the source (data rows and header rows counted as the file shows them).</summary>
    public required int RowNumber { get; init; }
    public required RegistryListKind List { get; init; }

    /// <summary>Period of the published list, "YYYY-MM" (e.g. 2024-01), when known.</summary>
    public string? Period { get; init; }
    /// <summary>Batch of the list, e.g. 第三批, when the list is numbered in batches.</summary>
    public string? Batch { get; init; }
    /// <summary>Title of the published list, e.g. 境内互联网信息服务算法备案清单（2022年8月）.</summary>
    public string? ListName { get; init; }

    public int? Seq { get; init; }
    /// <summary>算法名称, or 模型名称 / 应用/功能名称 for generative-AI rows.</summary>
    public required string Name { get; init; }
    /// <summary>角色: 服务提供者 / 服务技术支持者 (deep-synthesis lists).</summary>
    public string? Role { get; init; }
    /// <summary>算法类别: 个性化推送类 … (general algorithm lists).</summary>
    public string? Category { get; init; }
    /// <summary>主体名称 / 备案单位 / 登记单位.</summary>
    public required string Entity { get; init; }
    public string? ProductsRaw { get; init; }
    public IReadOnlyList<ProductRef> Products { get; init; } = [];
    /// <summary>True when 应用产品 ends in 等 (the list is not exhaustive).</summary>
    public bool ProductsTruncated { get; init; }
    public string? Purpose { get; init; }
    /// <summary>备案编号 / 备案号 / 上线编号, normalised (no spaces, half-width digits).</summary>
    public required string Number { get; init; }
    public string? Remark { get; init; }

    // Generative-AI lists.
    /// <summary>属地 (e.g. 北京市, or 国资委 for central enterprises).</summary>
    public string? Region { get; init; }
    public DateOnly? FiledOn { get; init; }
    public GenerativeAiKind? GenerativeKind { get; init; }

    // Cancellation notices.
    public DateOnly? CancelledOn { get; init; }
    /// <summary>The notice's own wording of when, e.g. 2025年7月.</summary>
    public string? CancelledText { get; init; }
    public string? Notice { get; init; }

    /// <summary>Non-blocking observations (e.g. check digit does not match the published pattern).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
