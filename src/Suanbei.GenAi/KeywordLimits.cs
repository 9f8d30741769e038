namespace Suanbei.GenAi;

/// <summary>How long one keyword may be: Chinese characters, or words of another language.</summary>
public sealed record KeywordLimits(int MaxChineseCharacters, int MaxWords, string Clause);
