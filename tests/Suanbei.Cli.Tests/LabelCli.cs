using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>Runs the <c>label</c> commands as a child process: with <see cref="Run"/> the program the <c>./suanbei</c>
/// launcher runs for <c>label …</c> (the Native AOT build, built once per test run by the launcher), with
/// <see cref="RunJit"/> the JIT-compiled <c>suanbei-label.dll</c> copied beside the tests, or with
/// <see cref="RunFullCli"/> the full <c>suanbei.dll</c>, which carries the same commands.</summary>
public static class LabelCli
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string[] Lines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Result Run(params string[] args) => Start(LauncherBuilt.Value, args);

    public static Result RunJit(params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "suanbei-label.dll"), .. args]);

    /// <summary>The launcher, after it has built the label program: the first call builds (minutes on a cold machine),
    /// under the launcher's lock, so parallel test classes wait for one build rather than time out on it.</summary>
    private static readonly Lazy<string> LauncherBuilt = new(() =>
    {
        var launcher = Path.Combine(RepoPaths.Root, "suanbei");
        var r = Start(launcher, ["label", "--help"], TimeSpan.FromMinutes(15));
        if (r.ExitCode != 0) throw new InvalidOperationException("./suanbei label could not be built: " + r.StdErr);
        return launcher;
    });

    public static Result RunFullCli(params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "suanbei.dll"), .. args]);

    /// <summary>A program given by its path (e.g. what <c>./suanbei label path</c> printed).</summary>
    public static Result RunProgram(string program, params string[] args) => Start(program, args);

    /// <summary>The repository-root launcher, as a user types it.</summary>
    public static Result RunLauncher(params string[] args) =>
        Start(Path.Combine(RepoPaths.Root, "suanbei"), args, TimeSpan.FromMinutes(15));

    private static Result Start(string program, string[] args, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException(string.Join(' ', args)); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A small PNG made by ImageMagick.</summary>
    public static string Png(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        ExternalTool.RunChecked("convert", "-size", "16x16", "xc:green", path);
        return path;
    }
}
