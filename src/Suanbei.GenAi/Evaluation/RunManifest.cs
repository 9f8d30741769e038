namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// What a run is: its inputs (with SHA-256 of each file), settings and the drawn sample. Written once at the start of
/// a run in <c>manifest.json</c>; the same command finds it and resumes, a different input is refused.
/// </summary>
public sealed record RunManifest(
    int Format,
    string Endpoint,
    string Model,
    string? SystemPrompt,
    double? Temperature,
    int Seed,
    IReadOnlyDictionary<string, string> InputHashes,
    IReadOnlyDictionary<string, int> SampleSizes,
    IReadOnlyList<SampledQuestion> Sample,
    string RulesVersion,
    DateTimeOffset Created);
