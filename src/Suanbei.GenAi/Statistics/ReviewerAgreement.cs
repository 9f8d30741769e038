namespace Suanbei.GenAi.Statistics;

/// <summary>Two reviewers' agreement on the items of one bank both marked: how many, how many alike, and Cohen's κ.</summary>
public sealed record ReviewerAgreement(string First, string Second, int Items, int Agreed, double Kappa, string Bank = "");
