namespace Suanbei.GenAi.Evaluation;

/// <summary>A run that cannot start or finish (different inputs in the output folder, unreadable bank, an endpoint
/// that refuses every request, questions left unanswered); the message is Chinese and says what to do.</summary>
public sealed class EvalException(string message) : Exception(message);
