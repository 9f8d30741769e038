namespace Suanbei.GenAi.Keywords;

/// <summary>The two matchers measured against each other.</summary>
public enum KeywordEngine { AhoCorasick, SearchValues }
