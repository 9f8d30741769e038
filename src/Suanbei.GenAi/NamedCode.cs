namespace Suanbei.GenAi;

/// <summary>A risk (A.x.y) or must-not-refuse aspect (B.n) code with its Chinese name.</summary>
public sealed record NamedCode(string Code, string Name);
