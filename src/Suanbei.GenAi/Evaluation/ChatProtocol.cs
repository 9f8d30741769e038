namespace Suanbei.GenAi.Evaluation;

// The subset of the OpenAI chat-completions protocol the runner speaks (non-streaming).

public sealed record ChatMessage(string Role, string Content);

public sealed record ChatRequest(string Model, IReadOnlyList<ChatMessage> Messages, double? Temperature, bool Stream = false);

public sealed record ChatResponse(IReadOnlyList<ChatChoice>? Choices);

public sealed record ChatChoice(ChatResponseMessage? Message);

public sealed record ChatResponseMessage(string? Role, string? Content);
