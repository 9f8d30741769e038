namespace Suanbei.Registry;

public sealed record RegistryStatistics(int Entries, int Active, int Cancelled,
    IReadOnlyList<StatCount> PerBatch, IReadOnlyList<StatCount> PerProvince, IReadOnlyList<StatCount> PerRole,
    IReadOnlyList<StatCount> PerType, IReadOnlyList<StatCount> TopEntities, IReadOnlyList<StatCount> ProductsPerForm)
{
    /// <summary>Entries per batch, one series per published list (deep synthesis, algorithm, generative AI).</summary>
    public IReadOnlyList<ListSeries> PerList { get; init; } = [];
}
