namespace Suanbei.Core.Filings;

/// <summary>A reviewer's reason for returning one field (退回补正), kept per round so the history survives resubmission.</summary>
public sealed record FieldReason(string Field, string Reason);
