namespace Suanbei.GenAi.Reporting;

/// <summary>A clause with its requirement text, verdict and the evidence note the report prints beside it.</summary>
public sealed record ClauseJudgment(AssessmentClause Clause, string Requirement, ClauseStatus Status, string Evidence);
