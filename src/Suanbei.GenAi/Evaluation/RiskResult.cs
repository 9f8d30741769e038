using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Evaluation;

/// <summary>The same figure restricted to the questions of one risk or aspect.</summary>
public sealed record RiskResult(string Risk, string Name, Proportion Rate, bool Meets);
