namespace Suanbei.Registry;

public sealed record StatCount(string Label, int Count);
