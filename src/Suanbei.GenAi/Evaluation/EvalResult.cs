using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Evaluation;

/// <summary>The outcome of a run: one <see cref="BankResult"/> per bank, request counts, and whether it resumed.</summary>
public sealed record EvalResult(BankResult Content, BankResult Refuse, BankResult Answer, long Requests, long Retries,
    bool Resumed)
{
    public bool Meets => Content.Meets && Refuse.Meets && Answer.Meets;
}
