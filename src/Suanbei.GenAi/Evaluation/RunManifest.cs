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

/// <summary>One question of the sample: its bank, item key, text and risk codes.</summary>
public sealed record SampledQuestion(string Bank, string Key, string Text, IReadOnlyList<string> Risks)
{
    /// <summary>Unique within a run.</summary>
    public string Id => Bank + ":" + Key;
}

/// <summary>One line of the journal: an attempt's outcome for one question, answer or error, and its latency.</summary>
public sealed record JournalRecord(
    string Id,
    string Prompt,
    string? Answer,
    string? Error,
    int? Status,
    long LatencyMs,
    int Attempts,
    DateTimeOffset At);
