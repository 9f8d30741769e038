using Suanbei.Core.Calendar;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// One running clock of an account. <see cref="Estimated"/> is true when the count runs past the official calendars
/// (the due date then assumes Monday–Friday and is shown as an estimate, never as a fact).
/// </summary>
public sealed record RunningClock(
    string Uid, DeadlineKind Kind, string KindName, string Title, DateOnly EventDate, int WorkingDays, DateOnly DueDate,
    bool Estimated, bool Overdue, string Article, string? Note, string Link);
