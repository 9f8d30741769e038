using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Reporting;

namespace Suanbei.GenAi;

/// <summary>Source-generated JSON for the data files, the run's manifest and journal, and the chat protocol.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(AssessmentRules))]
[JsonSerializable(typeof(RefusalPatternFile))]
[JsonSerializable(typeof(AssessmentClauses))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(JournalRecord))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponse))]
internal sealed partial class GenAiJsonContext : JsonSerializerContext;
