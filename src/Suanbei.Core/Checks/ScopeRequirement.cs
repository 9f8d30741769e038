using System.Text.Json;

namespace Suanbei.Core.Checks;

public sealed record ScopeRequirement(string Scenario, IReadOnlyList<string> ScenarioTerms, IReadOnlyList<string> ScopeTerms);
