namespace Suanbei.GenAi.Tests;

/// <summary>A request the stand-in saw: its prompt, the status sent (0 = connection dropped) and when.</summary>
public sealed record LoggedRequest(string Prompt, int Status, DateTimeOffset At);
