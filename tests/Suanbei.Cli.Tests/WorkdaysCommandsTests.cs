namespace Suanbei.Cli.Tests;

public class WorkdaysCommandsTests
{
    [Theory]
    [InlineData("2026-02-13", "1", "2026-02-14")] // adjusted working Saturday
    [InlineData("2026-02-13", "2", "2026-02-24")] // across the Spring Festival
    [InlineData("2024-12-27", "5", "2025-01-06")] // across the year boundary and 元旦
    [InlineData("2025-09-30", "3", "2025-10-11")] // National Day, then the adjusted Saturday
    public void Add_prints_the_nth_working_day(string date, string n, string expected)
    {
        var r = CliRunner.Run("workdays", "add", date, n);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(expected, r.StdOut.Trim());
    }

    [Theory]
    [InlineData("2026-12-28", "10")]
    [InlineData("2023-06-01", "1")]
    public void Outside_the_known_calendars_exits_2_with_a_message(string date, string n)
    {
        var r = CliRunner.Run("workdays", "add", date, n);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Equal("", r.StdOut);
        Assert.Contains("不在已知的官方节假日安排范围内（2024–2026年）", r.StdErr);
    }

    [Theory]
    [InlineData("2026-13-01", "1", "不是 YYYY-MM-DD 格式")]
    [InlineData("2026/02/13", "1", "不是 YYYY-MM-DD 格式")]
    [InlineData("2026-02-13", "-1", "应为0–100000之间的整数")]
    [InlineData("2026-02-13", "ten", "应为0–100000之间的整数")]
    public void Bad_usage_exits_10_with_a_message(string date, string n, string expected)
    {
        var r = CliRunner.Run("workdays", "add", date, n);
        Assert.True(r.ExitCode == 10, r.ToString());
        Assert.Contains(expected, r.StdErr);
    }

    [Fact]
    public void Missing_argument_exits_10()
    {
        var r = CliRunner.Run("workdays", "add", "2026-02-13");
        Assert.True(r.ExitCode == 10, r.ToString());
    }

    [Fact]
    public void Between_and_due()
    {
        var between = CliRunner.Run("workdays", "between", "2026-02-13", "2026-02-24");
        Assert.True(between.ExitCode == 0, between.ToString());
        Assert.Equal("2", between.StdOut.Trim());

        var due = CliRunner.Run("workdays", "due", "Cancellation", "2025-09-23", "--json");
        Assert.True(due.ExitCode == 0, due.ToString());
        Assert.Contains("\"dueDate\":\"2025-10-27\"", due.StdOut);
        Assert.Contains("第二十四条", due.StdOut);

        var unknown = CliRunner.Run("workdays", "due", "Whenever", "2025-09-23");
        Assert.True(unknown.ExitCode == 10, unknown.ToString());
    }
}
