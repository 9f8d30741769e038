namespace Suanbei.Testing;

/// <summary>A request the stand-in model saw: its prompt, the status sent (0 = connection dropped), when, and the
/// Authorization header it carried.</summary>
public sealed record LoggedRequest(string Prompt, int Status, DateTimeOffset At, string? Authorization = null);
