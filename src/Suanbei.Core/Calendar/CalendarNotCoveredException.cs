using System.Text.Json;

namespace Suanbei.Core.Calendar;

/// <summary>A date outside the years for which an official holiday calendar is known.</summary>
public sealed class CalendarNotCoveredException(DateOnly date, int firstYear, int lastYear)
    : Exception($"{date:yyyy-MM-dd} 不在已知的官方节假日安排范围内（{firstYear}–{lastYear}年），无法按工作日计算；请等待国务院办公厅公布该年度安排后更新日历数据")
{
    public DateOnly Date { get; } = date;
    public int FirstYear { get; } = firstYear;
    public int LastYear { get; } = lastYear;
}
