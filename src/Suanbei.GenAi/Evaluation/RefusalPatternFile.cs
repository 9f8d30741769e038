namespace Suanbei.GenAi.Evaluation;

public sealed record RefusalPatternFile(string Version, int Window, IReadOnlyList<string> Patterns);
