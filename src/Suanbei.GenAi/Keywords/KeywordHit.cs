namespace Suanbei.GenAi.Keywords;

/// <summary>A keyword found in a text: its start (in UTF-16 code units of the scanned text) and its index in the
/// matcher's keyword list.</summary>
public readonly record struct KeywordHit(long Start, int Keyword);
