namespace Suanbei.Registry;

/// <summary>What one import did to the registry.</summary>
public sealed record ImportSummary(
    string Source, int RowsTaken, int RowsReported, int EntriesCreated,
    int EntriesChanged, int ListingsAdded, int EntriesCancelled);
