namespace Suanbei.Web.Features.Shared;

/// <summary>One step of a filing's audit trail as the pages show it: the names already read from display-names.tsv.</summary>
public sealed record AuditTrailRow(int Sequence, DateTimeOffset At, string Actor, string Action, string Change, string? Reason);
