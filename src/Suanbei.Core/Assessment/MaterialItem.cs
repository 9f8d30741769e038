namespace Suanbei.Core.Assessment;

public sealed record MaterialItem(string Name, string Article);
