namespace Suanbei.GenAi.Evaluation;

/// <summary>Everything an evaluation run is given. Sample sizes default to the rules' (<c>assessment.json</c>).</summary>
public sealed record EvalOptions
{
    public required string Endpoint { get; init; }
    public required string Model { get; init; }
    public required string ContentBank { get; init; }
    public required string RefuseBank { get; init; }
    public required string AnswerBank { get; init; }
    public required string KeywordBank { get; init; }
    public required string OutDir { get; init; }
    public string? ApiKey { get; init; }
    public string? SystemPrompt { get; init; }
    public double? Temperature { get; init; }
    public int Seed { get; init; } = 1;
    public int Concurrency { get; init; } = 8;
    public int? SampleContent { get; init; }
    public int? SampleRefuse { get; init; }
    public int? SampleAnswer { get; init; }
    public ChatClientOptions Client { get; init; } = new();
}
