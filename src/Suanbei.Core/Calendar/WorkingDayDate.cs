using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>
/// A date computed in working days. <see cref="Estimated"/> is true when some of the days counted lie outside the official
/// calendars and were counted as plain Monday–Friday: such a date must be shown as 估算 (computed without an official calendar).
/// </summary>
public readonly record struct WorkingDayDate(DateOnly Date, bool Estimated);
