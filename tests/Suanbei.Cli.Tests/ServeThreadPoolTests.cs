using Suanbei.Cli.Commands;

namespace Suanbei.Cli.Tests;

/// <summary>When <c>suanbei serve</c> turns the thread pool's spinning off: on one core only, and never over the operator's
/// own setting (environment variable or runtimeconfig). Its effect on a pinned node is measured by bench/nodes-wrk.sh.</summary>
public sealed class ServeThreadPoolTests
{
    [Theory]
    [InlineData(1, null, null, true)]
    [InlineData(2, null, null, false)]
    [InlineData(16, null, null, false)]
    [InlineData(1, "70", null, false)]
    [InlineData(1, "0", null, false)]
    [InlineData(1, null, "70", false)]
    public void Spinning_is_turned_off_on_one_core_unless_the_operator_set_the_limit(int cores, string? variable,
        string? configured, bool off) =>
        Assert.Equal(off, ServeThreadPool.TurnsSpinningOff(cores, variable, configured));
}
