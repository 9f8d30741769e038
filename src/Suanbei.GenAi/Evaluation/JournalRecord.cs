namespace Suanbei.GenAi.Evaluation;

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
