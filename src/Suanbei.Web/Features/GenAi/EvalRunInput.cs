using System.Text.Json;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// A new evaluation as typed on the page or sent to the API, every value as text so that a wrong one gets a Chinese
/// message naming its field (<see cref="EvalRuns.Validate"/>) rather than a binder's. Property names are the fields'
/// (<c>Input.Endpoint</c> on the page, <c>endpoint</c> in the API).
/// </summary>
public sealed class EvalRunInput
{
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? SystemPrompt { get; set; }
    public string? Temperature { get; set; }
    public string? Concurrency { get; set; }
    public string? Seed { get; set; }
    public string? SampleContent { get; set; }
    public string? SampleRefuse { get; set; }
    public string? SampleAnswer { get; set; }
    public string? ContentBank { get; set; }
    public string? RefuseBank { get; set; }
    public string? AnswerBank { get; set; }
    public string? KeywordBank { get; set; }
    /// <summary>Kept encrypted, never shown again.</summary>
    public string? ApiKey { get; set; }
    public string? ApiKeyEnv { get; set; }

    /// <summary>The API's JSON object (camelCase names; numbers as numbers or strings). Null when it is not an object.</summary>
    public static EvalRunInput? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        string? Read(string name) =>
            root.TryGetProperty(name, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => null,
            } : null;
        return new EvalRunInput
        {
            Endpoint = Read("endpoint"), Model = Read("model"), SystemPrompt = Read("systemPrompt"),
            Temperature = Read("temperature"), Concurrency = Read("concurrency"), Seed = Read("seed"),
            SampleContent = Read("sampleContent"), SampleRefuse = Read("sampleRefuse"), SampleAnswer = Read("sampleAnswer"),
            ContentBank = Read("contentBank"), RefuseBank = Read("refuseBank"), AnswerBank = Read("answerBank"),
            KeywordBank = Read("keywordBank"), ApiKey = Read("apiKey"), ApiKeyEnv = Read("apiKeyEnv"),
        };
    }
}
