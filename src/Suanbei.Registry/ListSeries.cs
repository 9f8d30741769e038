namespace Suanbei.Registry;

public sealed record ListSeries(string List, IReadOnlyList<StatCount> Batches);
