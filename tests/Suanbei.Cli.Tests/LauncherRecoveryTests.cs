using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>Test classes that run a real build through the launcher: one at a time (each compiles; the machine's cores
/// are better spent on one build than on two racing).</summary>
[CollectionDefinition("launcher builds", DisableParallelization = true)]
public sealed class LauncherBuilds;

/// <summary>
/// A first <c>./suanbei label …</c> build killed while it writes its output must not break later calls. The launcher runs
/// with its own build folder (SUANBEI_BUILD_DIR), so the developer's .build is untouched.
/// </summary>
[Collection("launcher builds")]
public sealed class LauncherRecoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-launcher-recovery-").FullName;
    private string BuildDir => Path.Combine(_dir, "build");

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }

    [Fact]
    public void A_first_build_killed_while_writing_leaves_nothing_that_counts_as_built()
    {
        Directory.CreateDirectory(BuildDir);
        // Only a speed-up: the developer's intermediate files of the same project, when there are any, so that this
        // test compiles incrementally. The output folder is never copied.
        var artifacts = Path.Combine(RepoPaths.Root, ".build", "artifacts-label");
        if (Directory.Exists(artifacts)) CopyTree(artifacts, Path.Combine(BuildDir, "artifacts-label"));

        // The first build's `dotnet` is a wrapper: it builds into a scratch folder, copies half of the output (the
        // program's dll among it) to where the launcher asked, and then stops there, as a build interrupted mid-write.
        var marker = Path.Combine(_dir, "half-written");
        var shimDir = Path.Combine(_dir, "shim");
        Directory.CreateDirectory(shimDir);
        var shim = Path.Combine(shimDir, "dotnet");
        File.WriteAllText(shim, $$"""
            #!/usr/bin/env bash
            args=("$@"); out=""
            for ((i = 0; i < ${#args[@]}; i++)); do
              if [[ ${args[i]} == -o ]]; then out=${args[i+1]}; args[i+1]="{{_dir}}/scratch"; fi
            done
            {{RealDotnet()}} "${args[@]}" || exit $?
            [[ -n $out ]] || exit 0
            cd "{{_dir}}/scratch"
            files=(suanbei-label.dll $(ls | sort | grep -vx suanbei-label.dll))
            cp "${files[@]:0:${#files[@]}/2}" "$out"/
            touch "{{marker}}"
            sleep 600
            """);
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using (var first = StartLauncher(["label", "--help"], pathPrefix: shimDir))
        {
            // Drained in the background so the build never blocks on a full pipe.
            var firstErr = first.StandardError.ReadToEndAsync();
            _ = first.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(12);
            while (!File.Exists(marker) && !first.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(100);
            Assert.True(File.Exists(marker),
                "the first build did not get to writing its output: " + (first.HasExited ? firstErr.Result : "timed out"));
            // Ctrl-C, `timeout` or a closed terminal: the whole process group goes, with no chance to clean up.
            KillGroup(first.Id);
            first.WaitForExit();
        }
        Assert.False(Directory.Exists(Path.Combine(BuildDir, "label")), "a half-written build was put in place");
        Assert.NotEmpty(Directory.GetDirectories(BuildDir, "label.tmp-*")); // the killed build's leftovers, for the next build

        var help = Launcher("label", "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("suanbei label", help.StdOut);
        var check = Launcher("label", "producer-code", "check", "001191440300708461136T1XGW3", "--json");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("\"valid\":true", check.StdOut);
        Assert.Empty(Directory.GetDirectories(BuildDir, "label.tmp-*"));
        Assert.Empty(Directory.GetDirectories(BuildDir, "label.old-*"));
        Assert.True(File.Exists(Path.Combine(BuildDir, "label", ".built")));
    }

    private static string RealDotnet()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "dotnet"))) return Path.Combine(dir, "dotnet");
        throw new InvalidOperationException("dotnet is not on PATH");
    }

    /// <summary>Starts the launcher as the leader of a new process group (setsid), so the group can be killed at once.</summary>
    private Process StartLauncher(string[] args, string? pathPrefix = null)
    {
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "suanbei"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["SUANBEI_BUILD_DIR"] = BuildDir;
        if (pathPrefix is not null) psi.Environment["PATH"] = pathPrefix + ":" + Environment.GetEnvironmentVariable("PATH");
        return Process.Start(psi)!;
    }

    private CliRunner.Result Launcher(params string[] args)
    {
        using var p = StartLauncher(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(12))) { KillGroup(p.Id); throw new TimeoutException(string.Join(' ', args)); }
        p.WaitForExit();
        return new CliRunner.Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void KillGroup(int leader) => ExternalTool.RunChecked("kill", "-KILL", "--", "-" + leader);

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
