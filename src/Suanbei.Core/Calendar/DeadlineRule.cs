using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>One deadline: how many working days after the event, its Chinese name and the article it comes from.</summary>
public sealed record DeadlineRule(DeadlineKind Kind, int WorkingDays, string ChineseName, string Article);
