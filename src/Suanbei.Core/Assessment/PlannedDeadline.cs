using Suanbei.Core.Calendar;

namespace Suanbei.Core.Assessment;

/// <summary>A deadline that applies to the plan; <see cref="DueDate"/> is set when the event date is known and covered by the
/// calendar.</summary>
public sealed record PlannedDeadline(DeadlineKind Kind, string Name, int WorkingDays, string Article, DateOnly? EventDate,
    DateOnly? DueDate, string? Note);
