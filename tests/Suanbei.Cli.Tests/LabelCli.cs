using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>Runs the built <c>label</c> commands as a child process: <c>suanbei-label.dll</c>, the program the
/// <c>./suanbei</c> launcher runs for <c>label …</c> (copied beside the tests), or with <see cref="RunFullCli"/> the
/// full <c>suanbei.dll</c>, which carries the same commands.</summary>
public static class LabelCli
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string[] Lines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Result Run(params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "suanbei-label.dll"), .. args]);

    public static Result RunFullCli(params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "suanbei.dll"), .. args]);

    /// <summary>The repository-root launcher, as a user types it.</summary>
    public static Result RunLauncher(params string[] args) => Start(Path.Combine(RepoPaths.Root, "suanbei"), args, TimeSpan.FromMinutes(8));

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
