namespace Suanbei.Web.Features.GenAi;

/// <summary>Two reviewers' agreement on the items both marked: how many, how many alike, and Cohen's κ.</summary>
public sealed record ReviewerAgreement(string First, string Second, int Items, int Agreed, double Kappa);
