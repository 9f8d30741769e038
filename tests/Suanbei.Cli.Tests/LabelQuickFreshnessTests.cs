using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>
/// The quick label program, started by the launcher's preamble (SUANBEI_LAUNCHER set), checks that its own build is
/// fresh by the launcher's rule and hands a stale one back to the launcher (through bash) to rebuild. A copy of the real
/// program runs from a build folder of its own, whose recorded sources are files in this test's folder, and the
/// "launcher" it hands back to is a script that says what it was given. Times are set explicitly, seconds apart.
/// </summary>
[Collection("launcher builds")]
public sealed class LabelQuickFreshnessTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private static readonly DateTime Then = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-quick-freshness-").FullName;
    private readonly string _build, _sources, _source, _launcher, _labeled;

    public LabelQuickFreshnessTests()
    {
        Assert.Equal(0, LabelCli.Run("label", "--help").ExitCode); // builds the real program once per test run
        var program = Path.Combine(RepoPaths.Root, ".build", "label", "suanbei-label");
        if (Environment.GetEnvironmentVariable("SUANBEI_BUILD_DIR") is { Length: > 0 } buildDir)
            program = Path.Combine(buildDir, "label", "suanbei-label");

        _build = Directory.CreateDirectory(Path.Combine(_dir, "build")).FullName;
        File.Copy(program, Path.Combine(_build, "suanbei-label"));
        _sources = Directory.CreateDirectory(Path.Combine(_dir, "src", "Deep")).FullName;
        _source = Path.Combine(_sources, "Reader.cs");
        File.WriteAllText(_source, "// a source file");
        File.WriteAllText(Path.Combine(_build, ".source-files"), _source + "\n");
        File.WriteAllText(Path.Combine(_build, ".source-dirs"), _sources + "\n");
        File.WriteAllText(Path.Combine(_build, ".built"), "");
        File.SetLastWriteTimeUtc(_source, Then);
        Directory.SetLastWriteTimeUtc(_sources, Then);
        File.SetLastWriteTimeUtc(Path.Combine(_build, ".built"), Then.AddSeconds(10));

        _launcher = Path.Combine(_dir, "launcher");
        File.WriteAllText(_launcher, "echo \"handed back: $* (${SUANBEI_LAUNCHER-no variable})\"\n");
        _labeled = Path.Combine(_dir, "labeled.png");
        var write = LabelCli.RunProgram(program, "label", "write", LabelCli.Png(_dir, "a.png"), "-o", _labeled,
            "--producer", Producer, "--produce-id", "fresh-1");
        Assert.True(write.ExitCode == 0, write.StdErr);
    }

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    [Fact]
    public void A_fresh_build_answers_itself()
    {
        var r = Verify();
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("\"verdict\":\"compliant\"", r.StdOut);
    }

    [Fact]
    public void A_source_file_newer_than_the_build_is_handed_back_with_the_same_arguments_and_without_the_variable()
    {
        File.SetLastWriteTimeUtc(_source, Then.AddSeconds(11));
        var r = Verify();
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"handed back: label verify {_labeled} --json (no variable)", r.StdOut.Trim());
        // Started directly (no launcher), the program never checks: `label path` promises a program to run as it is.
        Assert.Contains("\"verdict\":\"compliant\"", Verify(byLauncher: false).StdOut);
    }

    [Fact]
    public void A_changed_folder_is_handed_back_until_a_full_check_has_seen_it()
    {
        Directory.SetLastWriteTimeUtc(_sources, Then.AddSeconds(11)); // a file added, removed or renamed in it
        Assert.StartsWith("handed back:", Verify().StdOut);
        File.WriteAllText(Path.Combine(_build, ".checked"), "");
        File.SetLastWriteTimeUtc(Path.Combine(_build, ".checked"), Then.AddSeconds(12));
        Assert.Contains("\"verdict\":\"compliant\"", Verify().StdOut);
        // The full check does not excuse files: they are always compared with the build itself.
        File.SetLastWriteTimeUtc(_source, Then.AddSeconds(11));
        Assert.StartsWith("handed back:", Verify().StdOut);
    }

    [Fact]
    public void A_missing_folder_marker_or_list_is_handed_back()
    {
        Directory.Delete(_sources, true);
        Assert.StartsWith("handed back:", Verify().StdOut);
        Directory.CreateDirectory(_sources);
        Directory.SetLastWriteTimeUtc(_sources, Then);
        Assert.Contains("\"verdict\":\"compliant\"", Verify().StdOut);

        File.Delete(Path.Combine(_build, ".source-dirs"));
        Assert.StartsWith("handed back:", Verify().StdOut);
        File.WriteAllText(Path.Combine(_build, ".source-dirs"), _sources + "\n");
        File.Delete(Path.Combine(_build, ".built"));
        Assert.StartsWith("handed back:", Verify().StdOut);
    }

    private sealed record Outcome(int ExitCode, string StdOut, string StdErr);

    private Outcome Verify(bool byLauncher = true)
    {
        var psi = new ProcessStartInfo(Path.Combine(_build, "suanbei-label"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in new[] { "label", "verify", _labeled, "--json" }) psi.ArgumentList.Add(a);
        if (byLauncher) psi.Environment["SUANBEI_LAUNCHER"] = _launcher;
        else psi.Environment.Remove("SUANBEI_LAUNCHER");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(1))) { p.Kill(true); throw new TimeoutException("label verify"); }
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
