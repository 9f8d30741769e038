namespace Suanbei.Registry;

/// <summary>
/// One filing number in the registry, merged over every list it appeared in. Descriptive fields come from its most
/// recent listing; <see cref="Listings"/> keeps each batch with its 备注; status follows cancellation notices.
/// </summary>
public sealed class RegistryEntry
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public RegistryNumberScheme Scheme { get; set; }
    public RegistryListKind List { get; set; }
    public string Name { get; set; } = "";
    public string? Role { get; set; }
    public string? Category { get; set; }
    public string Entity { get; set; } = "";
    public string? ProductsRaw { get; set; }
    public bool ProductsTruncated { get; set; }
    public string? Purpose { get; set; }
    /// <summary>属地 of generative-AI rows.</summary>
    public string? Region { get; set; }
    /// <summary>Six-digit region code from an algorithm number.</summary>
    public string? RegionCode { get; set; }
    /// <summary>Province-level name (Regions.ProvinceName of the region code, or the 属地 of generative-AI rows).</summary>
    public string? Province { get; set; }
    public string? TypeCode { get; set; }
    public Suanbei.Core.AlgorithmType? AlgorithmType { get; set; }
    public int? Year { get; set; }
    public DateOnly? FiledOn { get; set; }
    public GenerativeAiKind? GenerativeKind { get; set; }
    /// <summary>False when the number does not fit the published check-digit pattern (kept, flagged).</summary>
    public bool CheckDigitMatches { get; set; } = true;
    public RegistryStatus Status { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? CancelledNotice { get; set; }
    public bool InOfficialList { get; set; }
    public bool FiledHere { get; set; }
    /// <summary>"YYYY-MM" of the first and latest listing.</summary>
    public string? FirstPeriod { get; set; }
    public string? LatestPeriod { get; set; }
    /// <summary>The substring-search text, kept in its own narrow table so that a search scans only that.</summary>
    public RegistrySearchRow? Search { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<RegistryListing> Listings { get; set; } = [];
    public List<RegistryProduct> Products { get; set; } = [];

    /// <summary>The entry as a row in the CAC layout (for export), with its listings' 备注 in period order.</summary>
    public RegistryRow ToRow(int rowNumber = 0) => new()
    {
        RowNumber = rowNumber,
        List = List != RegistryListKind.FiledHere ? List
            : GenerativeKind is not null ? RegistryListKind.GenerativeAi
            : Category is not null && Role is null ? RegistryListKind.Algorithm : RegistryListKind.DeepSynthesis,
        Period = LatestPeriod,
        Name = Name,
        Role = Role,
        Category = Category,
        Entity = Entity,
        ProductsRaw = ProductsRaw,
        Purpose = Purpose,
        Number = Number,
        Remark = string.Join("；", Listings.OrderBy(l => l.Period, StringComparer.Ordinal).Select(l => l.Remark)
                .Where(r => !string.IsNullOrEmpty(r)).Distinct())
            is { Length: > 0 } r ? r : null,
        Region = Region,
        FiledOn = FiledOn,
        GenerativeKind = GenerativeKind,
    };
}
