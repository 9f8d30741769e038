namespace Suanbei.Web.Features.GenAi;

/// <summary>What an editor chose for a new evaluation, validated (<see cref="EvalRuns.Validate"/>), without the key.</summary>
public sealed record EvalRunSettings(
    string Endpoint,
    string Model,
    string? SystemPrompt,
    double? Temperature,
    int Concurrency,
    int Seed,
    int SampleContent,
    int SampleRefuse,
    int SampleAnswer,
    Guid ContentBankId,
    Guid RefuseBankId,
    Guid AnswerBankId,
    Guid KeywordBankId,
    string? ApiKeyEnv);
