namespace Suanbei.GenAi.Evaluation;

/// <summary>Timeouts and retry policy of <see cref="ChatClient"/>.</summary>
public sealed record ChatClientOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public int MaxAttempts { get; init; } = 6;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
}
