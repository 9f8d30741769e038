namespace Suanbei.GenAi.Evaluation;

/// <summary>A sampled question with the model's stored answer and the automatic verdict (<see cref="AnswerJudge"/>).</summary>
public sealed record JudgedAnswer(SampledQuestion Question, string Answer, bool Success);
