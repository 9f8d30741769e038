namespace Suanbei.GenAi;

/// <summary>The z of the reported intervals (1.96 for 95 %).</summary>
public sealed record ConfidenceSettings(double Z);
