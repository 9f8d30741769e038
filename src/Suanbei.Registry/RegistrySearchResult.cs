namespace Suanbei.Registry;

public sealed record RegistrySearchResult(int Total, int Page, int PageSize, IReadOnlyList<RegistryEntry> Items);
