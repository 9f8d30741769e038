namespace Suanbei.Core.Filings;

/// <summary>The four steps of the algorithm-filing form (reference §3: ① basic ② detailed ③ products/service mode ④ confirm).</summary>
public enum FilingStep { Basic = 1, Details = 2, Products = 3, Confirm = 4 }
