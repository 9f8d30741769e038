using System.Text.Json;

namespace Suanbei.Core.Checks;

/// <summary>
/// The rule library of the pre-submission check (Data/rules/presubmission.json, template sentences in
/// Data/rules/template-sentences.json). Loading fails when a rule lacks a source or a rule the evaluator implements is
/// missing from the data (and vice versa), so a bad data change cannot ship silently.
/// </summary>
public sealed class PresubmissionRules
{
    private static readonly Lazy<PresubmissionRules> Embedded = new(() =>
        Parse(EmbeddedData.ReadText("rules/presubmission.json"), EmbeddedData.ReadText("rules/template-sentences.json")));

    public static PresubmissionRules Current => Embedded.Value;

    /// <summary>Rule ids the evaluator implements, one check each.</summary>
    public static readonly IReadOnlyList<string> ImplementedRuleIds =
    [
        "icp.missing", "icp.expired", "icp.other-holder", "icp.scope-mismatch",
        "users.inconsistent", "users.implausible",
        "function.empty", "function.too-long", "function.not-descriptive", "function.product-not-linked",
        "scenario.vague", "access-path.incomplete", "labeling.example-missing", "logs.retention-short",
        "biometric.assessment-missing", "role.inconsistent", "principle.jargon",
        "officer.documents-disagree", "officer.post-unrelated", "text.template-copy", "text.registry-copy",
    ];

    public string Version { get; private init; } = "";
    public IReadOnlyList<CheckRule> Rules { get; private init; } = [];
    public IReadOnlyDictionary<string, CheckRule> ById { get; private init; } = new Dictionary<string, CheckRule>();
    public IReadOnlyList<string> VagueScenarios { get; private init; } = [];
    public IReadOnlyList<string> FunctionVerbs { get; private init; } = [];
    public IReadOnlyList<string> JargonTerms { get; private init; } = [];
    public IReadOnlyList<string> OfficerPostTerms { get; private init; } = [];
    public IReadOnlyList<string> AssessmentEvidenceTerms { get; private init; } = [];
    public IReadOnlyList<ScopeRequirement> ScopeRequirements { get; private init; } = [];
    public IReadOnlyList<TemplateSentence> TemplateSentences { get; private init; } = [];
    public IReadOnlyDictionary<string, double> Thresholds { get; private init; } = new Dictionary<string, double>();

    public double Threshold(string name) =>
        Thresholds.TryGetValue(name, out var v) ? v
            : throw new InvalidOperationException($"presubmission.json: threshold '{name}' is missing");

    public static PresubmissionRules Parse(string rulesJson, string templatesJson)
    {
        using var doc = JsonDocument.Parse(rulesJson);
        var root = doc.RootElement;
        var rules = new List<CheckRule>();
        foreach (var r in root.GetProperty("rules").EnumerateArray())
        {
            string Req(string name) => r.TryGetProperty(name, out var v) && v.GetString() is { Length: > 0 } s
                ? s : throw new FormatException($"presubmission.json: a rule lacks '{name}' ({r})");
            rules.Add(new CheckRule(Req("id"), CheckSeverities.Parse(Req("severity")), Req("field"), Req("message"), Req("source")));
        }
        var byId = new Dictionary<string, CheckRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
            if (!byId.TryAdd(rule.Id, rule)) throw new FormatException($"presubmission.json: duplicate rule id '{rule.Id}'");
        var missing = ImplementedRuleIds.Where(id => !byId.ContainsKey(id)).ToList();
        var unknown = byId.Keys.Where(id => !ImplementedRuleIds.Contains(id)).ToList();
        if (missing.Count > 0) throw new FormatException($"presubmission.json: rules missing: {string.Join(", ", missing)}");
        if (unknown.Count > 0) throw new FormatException($"presubmission.json: rules without a check: {string.Join(", ", unknown)}");

        var vocab = root.GetProperty("vocabulary");
        IReadOnlyList<string> List(JsonElement e, string name) =>
            e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).Where(s => s.Length > 0).ToList();

        using var templates = JsonDocument.Parse(templatesJson);
        return new PresubmissionRules
        {
            Version = root.GetProperty("version").GetString()!,
            Rules = rules,
            ById = byId,
            VagueScenarios = List(vocab, "vagueScenarios"),
            FunctionVerbs = List(vocab, "functionVerbs"),
            JargonTerms = List(vocab, "jargonTerms"),
            OfficerPostTerms = List(vocab, "officerPostTerms"),
            AssessmentEvidenceTerms = List(vocab, "assessmentEvidenceTerms"),
            ScopeRequirements = vocab.GetProperty("scopeRequirements").EnumerateArray()
                .Select(s =>
                    new ScopeRequirement(s.GetProperty("scenario").GetString()!, List(s, "scenarioTerms"), List(s, "scopeTerms"))).ToList(),
            TemplateSentences = templates.RootElement.GetProperty("sentences").EnumerateArray()
                .Select(s => new TemplateSentence(s.GetProperty("source").GetString()!, s.GetProperty("text").GetString()!)).ToList(),
            Thresholds = root.GetProperty("thresholds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
        };
    }
}
