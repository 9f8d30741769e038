using System.CommandLine;
using System.Globalization;
using Suanbei.Core.Calendar;

namespace Suanbei.Cli.Commands;

/// <summary><c>suanbei workdays add|between|due</c>: 工作日 arithmetic on the official calendar (reference §8).</summary>
internal static class WorkdaysCommands
{
    /// <summary>Exit code when a date lies outside the years with an official holiday calendar.</summary>
    public const int CalendarNotCovered = 2;

    public static Command Create()
    {
        var group = new Command("workdays", "按国务院办公厅公布的节假日安排计算工作日");
        group.Subcommands.Add(Add());
        group.Subcommands.Add(Between());
        group.Subcommands.Add(Due());
        return group;
    }

    private static Command Add()
    {
        var date = new Argument<string>("date") { Description = "起算日期 YYYY-MM-DD（当日不计入）" };
        var count = new Argument<string>("n") { Description = "工作日数（非负整数）" };
        var command = new Command("add", "输出起算日期之后第 N 个工作日的日期") { date, count };
        command.SetAction(parseResult => Run(() =>
        {
            var start = ParseDate(parseResult.GetValue(date), "起算日期");
            var n = ParseCount(parseResult.GetValue(count));
            Console.WriteLine(WorkingCalendar.Official.AddWorkingDays(start, n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return 0;
        }));
        return command;
    }

    private static Command Between()
    {
        var from = new Argument<string>("from") { Description = "起始日期 YYYY-MM-DD（不计入）" };
        var to = new Argument<string>("to") { Description = "结束日期 YYYY-MM-DD（计入）" };
        var command = new Command("between", "输出两个日期之间的工作日数（起始日不计入，结束日计入）") { from, to };
        command.SetAction(parseResult => Run(() =>
        {
            var a = ParseDate(parseResult.GetValue(from), "起始日期");
            var b = ParseDate(parseResult.GetValue(to), "结束日期");
            Console.WriteLine(WorkingCalendar.Official.WorkingDaysBetween(a, b));
            return 0;
        }));
        return command;
    }

    private static Command Due()
    {
        var kind = new Argument<string>("kind") { Description = "期限类型：" + string.Join("、", Enum.GetNames<DeadlineKind>()) };
        var date = new Argument<string>("date") { Description = "事件日期 YYYY-MM-DD（当日不计入）" };
        var json = CommonOptions.Json();
        var command = new Command("due", "按期限规则计算截止日期（如上线后10个工作日内备案）") { kind, date, json };
        command.SetAction(parseResult => Run(() =>
        {
            if (!Enum.TryParse<DeadlineKind>(parseResult.GetValue(kind), ignoreCase: true, out var k) || !Enum.IsDefined(k))
                throw new UsageException($"期限类型“{parseResult.GetValue(kind)}”未知，应为：{string.Join("、", Enum.GetNames<DeadlineKind>())}");
            var eventDate = ParseDate(parseResult.GetValue(date), "事件日期");
            var rule = DeadlineRules.Get(k);
            var due = DeadlineRules.DueDate(k, eventDate, WorkingCalendar.Official);
            if (parseResult.GetValue(json))
                CliJson.WriteLine(w =>
                {
                    w.WriteString("kind", rule.Kind.ToString());
                    w.WriteString("name", rule.ChineseName);
                    w.WriteNumber("workingDays", rule.WorkingDays);
                    w.WriteString("article", rule.Article);
                    w.WriteString("eventDate", eventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("dueDate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                });
            else
                Console.WriteLine($"{due:yyyy-MM-dd}  {rule.ChineseName}（{rule.WorkingDays}个工作日，{rule.Article}）");
            return 0;
        }));
        return command;
    }

    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"用法错误：{e.Message}");
            return CommonOptions.UsageOrIoError;
        }
        catch (CalendarNotCoveredException e)
        {
            Console.Error.WriteLine($"无法计算：{e.Message}");
            return CalendarNotCovered;
        }
    }

    private static DateOnly ParseDate(string? text, string field) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{field}“{text}”不是 YYYY-MM-DD 格式的有效日期");

    private static int ParseCount(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000
            ? n
            : throw new UsageException($"工作日数“{text}”应为0–100000之间的整数");

    private sealed class UsageException(string message) : Exception(message);
}
