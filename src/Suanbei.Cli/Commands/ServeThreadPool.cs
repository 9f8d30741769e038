namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei serve</c> on a node given one core (taskset, a one-CPU container) turns the thread pool's spinning off: an
/// idle pool thread that spins there only keeps the work it waits for off the core. Measured idle on pinned nodes
/// (BENCHMARKS.md, "Several nodes behind nginx", session 11): more requests/s in all six rows, lower p99 with two nodes,
/// threads put on a core 1.5–3.0 times per request instead of 3.3–16.6. An operator's own setting wins
/// (docs/deployment.md 5b); nodes with more cores keep the runtime's default, which was not measured against.
/// </summary>
public static class ServeThreadPool
{
    /// <summary>The runtime's setting (runtimeconfig name), read once when the pool starts its first worker.</summary>
    public const string SpinLimitSetting = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>The same setting as an environment variable.</summary>
    public const string SpinLimitVariable = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";

    /// <summary>Whether serve turns spinning off: one core, and no limit set by the operator either way.</summary>
    public static bool TurnsSpinningOff(int processorCount, string? variable, object? configured) =>
        processorCount == 1 && variable is null && configured is null;

    /// <summary>Must run before anything uses the thread pool (first thing in Main).</summary>
    public static void Configure()
    {
        if (TurnsSpinningOff(Environment.ProcessorCount, Environment.GetEnvironmentVariable(SpinLimitVariable),
                AppContext.GetData(SpinLimitSetting)))
            AppContext.SetData(SpinLimitSetting, "0");
    }
}
