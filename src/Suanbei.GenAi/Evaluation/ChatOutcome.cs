namespace Suanbei.GenAi.Evaluation;

/// <summary>The outcome of one question: the answer, or the last error after the retries; <see cref="Fatal"/> when
/// the endpoint refuses every request (wrong key, model or URL).</summary>
public sealed record ChatOutcome(string? Answer, string? Error, int? Status, long LatencyMs, int Attempts, bool Fatal);
