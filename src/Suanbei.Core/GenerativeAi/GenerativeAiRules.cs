using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// The rules of the generative-AI service filing kept as data (Data/rules/genai-filing.json): which model source leads to
/// 备案 and which to 登记, each with its source, and the materials list.
/// </summary>
public sealed class GenerativeAiRules
{
    private static readonly Lazy<GenerativeAiRules> Embedded = new(() => Parse(EmbeddedData.ReadText("rules/genai-filing.json")));

    public static GenerativeAiRules Current => Embedded.Value;

    private readonly IReadOnlyDictionary<ModelSource, GenerativeAiKindDecision> _kinds;

    private GenerativeAiRules(string version, IReadOnlyDictionary<ModelSource, GenerativeAiKindDecision> kinds,
        IReadOnlyList<GenerativeAiMaterial> materials)
    {
        Version = version;
        _kinds = kinds;
        Materials = materials;
    }

    public string Version { get; }

    /// <summary>The materials in the order the filer uploads them.</summary>
    public IReadOnlyList<GenerativeAiMaterial> Materials { get; }

    /// <summary>备案 or 登记 for a model source, with the rule's text and source.</summary>
    public GenerativeAiKindDecision KindOf(ModelSource source) => _kinds[source];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter<ModelSource>(namingPolicy: null, allowIntegerValues: false),
            new JsonStringEnumConverter<GenerativeAiFilingKind>(namingPolicy: null, allowIntegerValues: false),
            new JsonStringEnumConverter<GenerativeAiMaterialSource>(namingPolicy: null, allowIntegerValues: false),
        },
        TypeInfoResolver = CoreJsonContext.Default,
    };

    /// <summary>Parses and checks the rules document; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static GenerativeAiRules Parse(string json)
    {
        var dto = JsonSerializer.Deserialize(json, CoreJsonContext.TypeInfo<Dto>(JsonOptions))
            ?? throw new FormatException("generative-AI rules document is empty");
        if (string.IsNullOrWhiteSpace(dto.Version)) throw new FormatException("generative-AI rules document has no version");
        var kinds = new Dictionary<ModelSource, GenerativeAiKindDecision>();
        foreach (var r in dto.KindRules ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Text) || string.IsNullOrWhiteSpace(r.Source))
                throw new FormatException($"kind rule for {r.ModelSource} lacks text or source");
            if (!kinds.TryAdd(r.ModelSource, new GenerativeAiKindDecision(r.Kind, r.Text, r.Source)))
                throw new FormatException($"kind rule for {r.ModelSource} appears twice");
        }
        foreach (var source in Enum.GetValues<ModelSource>())
            if (!kinds.ContainsKey(source)) throw new FormatException($"no kind rule for model source {source}");
        var materials = new List<GenerativeAiMaterial>();
        foreach (var m in dto.Materials ?? [])
        {
            if (string.IsNullOrWhiteSpace(m.Key) || string.IsNullOrWhiteSpace(m.Name) || string.IsNullOrWhiteSpace(m.Source))
                throw new FormatException("a material lacks key, name or source");
            if (materials.Any(x => x.Key == m.Key)) throw new FormatException($"material '{m.Key}' appears twice");
            materials.Add(new GenerativeAiMaterial(m.Key, m.Name, m.Source, Toolkit(m)));
        }
        if (materials.Count == 0) throw new FormatException("generative-AI rules document lists no materials");
        return new GenerativeAiRules(dto.Version, kinds, materials);
    }

    private static GenerativeAiToolkitOption? Toolkit(GenAiMaterialDto m)
    {
        if (m.Toolkit is not { } t) return null;
        var parts = (t.Parts ?? []).Select(p => p.Trim()).ToList();
        switch (t.Source)
        {
            case GenerativeAiMaterialSource.Upload:
                throw new FormatException($"material '{m.Key}': the toolkit source cannot be Upload");
            case GenerativeAiMaterialSource.BankVersion when parts.Count == 0 || parts.Any(p => p.Length == 0):
                throw new FormatException($"material '{m.Key}': bank versions need the bank kinds as parts");
            case GenerativeAiMaterialSource.ReviewRun when parts.Count > 0:
                throw new FormatException($"material '{m.Key}': a review run has no parts");
        }
        if (parts.Distinct().Count() != parts.Count) throw new FormatException($"material '{m.Key}': a part appears twice");
        return new GenerativeAiToolkitOption(t.Source, parts);
    }

    internal sealed record Dto(string? Version, List<GenAiKindRuleDto>? KindRules, List<GenAiMaterialDto>? Materials);
    internal sealed record GenAiKindRuleDto(ModelSource ModelSource, GenerativeAiFilingKind Kind, string? Text, string? Source);
    internal sealed record GenAiMaterialDto(string? Key, string? Name, string? Source, GenAiToolkitDto? Toolkit);
    internal sealed record GenAiToolkitDto(GenerativeAiMaterialSource Source, List<string>? Parts);
}
