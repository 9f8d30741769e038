using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Assessment;

/// <summary>
/// The versioned rule data of the applicability assessment (Data/rules/applicability.json): conclusions with their articles,
/// labeling duties per content type, and materials per kind of filing. Loading fails when anything lacks an article or a
/// rule the evaluator needs is missing, so a bad data change cannot ship silently.
/// </summary>
public sealed class ApplicabilityRules
{
    private static readonly Lazy<ApplicabilityRules> Embedded = new(() => Parse(EmbeddedData.ReadText("rules/applicability.json")));

    /// <summary>The rules shipped with Suanbei.Core.</summary>
    public static ApplicabilityRules Current => Embedded.Value;

    public string Version { get; }
    public IReadOnlyDictionary<string, Citation> Rules { get; }
    public IReadOnlyDictionary<ContentType, LabelingDuty> Labeling { get; }
    public Citation BiometricLabeling { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<MaterialItem>> Materials { get; }

    /// <summary>Rule ids the evaluator refers to; each must be present in the data.</summary>
    public static readonly IReadOnlyList<string> RequiredRuleIds =
    [
        "scope.public-generative", "scope.public-opinion", "scope.no-public-opinion", "scope.internal-only", "scope.no-listed-algorithm",
        "role.provider", "role.supporter", "role.dual", "role.supporter-not-required", "filing.one-per-algorithm",
        "model.filing", "model.registration", "model.not-public", "model.registration-not-public", "model.none",
        "assessment.public-opinion", "assessment.deep-synthesis-new-function", "assessment.biometric", "assessment.sensitive-scenes",
        "assessment.large-model", "prerequisite.subject", "prerequisite.icp", "prerequisite.credit-code-invalid",
        "prerequisite.not-enterprise", "deadline.no-calendar", "deadline.before-launch",
    ];

    public static readonly IReadOnlyList<string> RequiredMaterialGroups =
        ["subject", "everyFiling", "provider", "supporter", "generation", "biometric", "sensitiveScenes", "publicOpinion",
            "largeModelFiling", "largeModelRegistration"];

    private ApplicabilityRules(string version, Dictionary<string, Citation> rules, Dictionary<ContentType, LabelingDuty> labeling,
        Citation biometricLabeling, Dictionary<string, IReadOnlyList<MaterialItem>> materials)
    {
        Version = version;
        Rules = rules;
        Labeling = labeling;
        BiometricLabeling = biometricLabeling;
        Materials = materials;
    }

    public Citation Rule(string id) =>
        Rules.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"applicability rule '{id}' is not in the data file");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<ContentType>(namingPolicy: null, allowIntegerValues: false) },
        TypeInfoResolver = CoreJsonContext.Default,
    };

    /// <summary>Parses and checks a rules document; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static ApplicabilityRules Parse(string json)
    {
        var dto = JsonSerializer.Deserialize(json, CoreJsonContext.TypeInfo<Dto>(JsonOptions))
            ?? throw new FormatException("rules document is empty");
        if (string.IsNullOrWhiteSpace(dto.Version)) throw new FormatException("rules document has no version");

        var rules = new Dictionary<string, Citation>(StringComparer.Ordinal);
        foreach (var r in dto.Rules ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Id)) throw new FormatException("a rule has no id");
            if (string.IsNullOrWhiteSpace(r.Text)) throw new FormatException($"rule '{r.Id}' has no text");
            if (string.IsNullOrWhiteSpace(r.Article)) throw new FormatException($"rule '{r.Id}' has no article reference");
            if (!rules.TryAdd(r.Id, new Citation(r.Id, r.Text, r.Article))) throw new FormatException($"rule '{r.Id}' appears twice");
        }
        foreach (var id in RequiredRuleIds)
            if (!rules.ContainsKey(id)) throw new FormatException($"rule '{id}' is missing");

        var labeling = new Dictionary<ContentType, LabelingDuty>();
        foreach (var l in dto.Labeling ?? [])
        {
            if (string.IsNullOrWhiteSpace(l.Explicit) || string.IsNullOrWhiteSpace(l.Implicit) || string.IsNullOrWhiteSpace(l.Article))
                throw new FormatException($"labeling duty for {l.ContentType} lacks explicit, implicit or article");
            labeling[l.ContentType] = new LabelingDuty(l.ContentType, DisplayNames.Of(l.ContentType), l.Explicit, l.Implicit, l.Article);
        }
        foreach (var type in Enum.GetValues<ContentType>())
            if (!labeling.ContainsKey(type)) throw new FormatException($"labeling duty for {type} is missing");

        if (dto.BiometricLabeling is not { Text.Length: > 0, Article.Length: > 0 } bio)
            throw new FormatException("biometricLabeling lacks text or article");

        var materials = new Dictionary<string, IReadOnlyList<MaterialItem>>(StringComparer.Ordinal);
        foreach (var (group, items) in dto.Materials ?? [])
        {
            foreach (var item in items)
                if (string.IsNullOrWhiteSpace(item.Name) || string.IsNullOrWhiteSpace(item.Article))
                    throw new FormatException($"a material in group '{group}' lacks a name or an article");
            materials[group] = items.Select(i => new MaterialItem(i.Name!, i.Article!)).ToList();
        }
        foreach (var group in RequiredMaterialGroups)
            if (!materials.ContainsKey(group)) throw new FormatException($"material group '{group}' is missing");

        return new ApplicabilityRules(dto.Version, rules, labeling, new Citation("labeling.biometric", bio.Text!, bio.Article!), materials);
    }

    internal sealed class Dto
    {
        public string Version { get; set; } = "";
        public List<RuleDto>? Rules { get; set; }
        public List<LabelingDto>? Labeling { get; set; }
        public RuleDto? BiometricLabeling { get; set; }
        public Dictionary<string, List<MaterialDto>>? Materials { get; set; }
    }

    internal sealed class RuleDto
    {
        public string Id { get; set; } = "";
        public string? Text { get; set; }
        public string? Article { get; set; }
    }

    internal sealed class LabelingDto
    {
        public ContentType ContentType { get; set; }
        public string Explicit { get; set; } = "";
        public string Implicit { get; set; } = "";
        public string Article { get; set; } = "";
    }

    internal sealed class MaterialDto
    {
        public string? Name { get; set; }
        public string? Article { get; set; }
    }
}
