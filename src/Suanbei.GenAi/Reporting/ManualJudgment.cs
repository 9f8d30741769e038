namespace Suanbei.GenAi.Reporting;

/// <summary>The filer's verdict on a clause Suanbei cannot judge, with the evidence they cite.</summary>
public sealed record ManualJudgment(ClauseStatus Status, string Evidence);
