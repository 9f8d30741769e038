using System.Diagnostics;
using System.Text;

namespace Suanbei.Cli.Tests;

/// <summary>
/// Runs the built <c>suanbei</c> command as a real process (<c>dotnet &lt;test output&gt;/suanbei.dll args…</c>) and captures
/// its exit code, stdout and stderr as UTF-8. The test project references Suanbei.Cli, so suanbei.dll and its
/// runtimeconfig are copied next to the tests.
/// </summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
    }

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "suanbei.dll");

    public static Result Run(params string[] args) => Run(args, stdin: null);

    /// <summary>Runs the CLI; kills it and throws <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 60 s).</summary>
    public static Result Run(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException("suanbei.dll is not in the test output; does the test project reference Suanbei.Cli?", DllPath);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) psi.Environment[k] = v;

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"suanbei {string.Join(' ', args)} did not finish in time");
        }
        process.WaitForExit(); // flush the redirected streams
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
