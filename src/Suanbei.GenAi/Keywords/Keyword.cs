namespace Suanbei.GenAi.Keywords;

/// <summary>A keyword and the risk codes it stands for.</summary>
public sealed record Keyword(string Text, IReadOnlyList<string> Risks);
