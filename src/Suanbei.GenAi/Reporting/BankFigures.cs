using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Reporting;

/// <summary>
/// A bank's figures in a run's results: the final rate (a person's verdict where given, else the automatic one) with its
/// per-risk breakdown as <see cref="Result"/>, the automatic rate beside it, and how many verdicts were a person's.
/// </summary>
public sealed record BankFigures(BankResult Result, Proportion Auto, int HumanVerdicts)
{
    public string Bank => Result.Bank;
    public int AutomaticVerdicts => Result.Rate.Trials - HumanVerdicts;
}
