namespace Suanbei.GenAi.Keywords;

/// <summary>A keyword and the risk codes it stands for.</summary>
public sealed record Keyword(string Text, IReadOnlyList<string> Risks);

/// <summary>A keyword found in a text: its start (in UTF-16 code units of the scanned text) and its index in the
/// matcher's keyword list.</summary>
public readonly record struct KeywordHit(long Start, int Keyword);
