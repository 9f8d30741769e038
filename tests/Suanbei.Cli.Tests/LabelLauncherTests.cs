using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>
/// <c>./suanbei label …</c> as users (and the benchmarks) run it: the launcher builds the Native AOT label program on
/// first use (several minutes on a cold machine) and runs it; the full CLI carries the same commands.
/// </summary>
[Collection("launcher builds")]
public class LabelLauncherTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-launcher-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    [Fact]
    public void Launcher_runs_label_commands_on_the_standalone_build()
    {
        var png = LabelCli.Png(_dir, "a.png");
        var labeled = Path.Combine(_dir, "b.png");

        var write = LabelCli.RunLauncher("label", "write", png, "-o", labeled, "--producer", Producer, "--produce-id", "launcher-1");
        Assert.True(write.ExitCode == 0, write.StdErr);
        var verify = LabelCli.RunLauncher("label", "verify", labeled, "--json");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("\"verdict\":\"compliant\"", verify.StdOut);
        Assert.Contains("launcher-1", verify.StdOut);

        // The Native AOT build was used (one executable, no runtime or managed program beside it), not a fallback.
        var build = Path.Combine(RepoPaths.Root, ".build", "label");
        Assert.True(File.Exists(Path.Combine(build, "suanbei-label")), "the label build is missing: " + build);
        Assert.False(File.Exists(Path.Combine(build, "libcoreclr.so")), "the standalone fallback was used: " + build);
        Assert.False(File.Exists(Path.Combine(build, "suanbei-label.dll")), "the framework-dependent fallback was used: " + build);
        // Help and usage name the command as users type it.
        var help = LabelCli.RunLauncher("label", "verify", "--help");
        Assert.Contains("suanbei label verify", help.StdOut);
        // Usage errors keep the contract's exit code.
        Assert.Equal(10, LabelCli.RunLauncher("label", "no-such-command").ExitCode);
    }

    [Fact]
    public void Label_path_prints_the_program_a_platform_can_start_directly()
    {
        var labeled = Path.Combine(_dir, "b.png");
        Assert.Equal(0, LabelCli.RunLauncher("label", "write", LabelCli.Png(_dir, "a.png"), "-o", labeled,
            "--producer", Producer, "--produce-id", "path-1").ExitCode);

        var path = LabelCli.RunLauncher("label", "path");
        Assert.True(path.ExitCode == 0, path.StdErr);
        var program = Assert.Single(path.Lines);
        Assert.True(Path.IsPathFullyQualified(program), program);
        Assert.Equal(Path.Combine(RepoPaths.Root, ".build", "label", "suanbei-label"), program);
        // Started directly, it answers as the launcher does, byte for byte.
        var direct = LabelCli.RunProgram(program, "label", "verify", labeled, "--json");
        var launched = LabelCli.RunLauncher("label", "verify", labeled, "--json");
        Assert.Equal(0, direct.ExitCode);
        Assert.Equal(launched.StdOut, direct.StdOut);
        Assert.Contains("path-1", direct.StdOut);
        // Only the bare command prints the path; anything after it is the label program's to answer.
        Assert.Equal(10, LabelCli.RunLauncher("label", "path", "extra").ExitCode);
    }

    [Fact]
    public void Full_cli_carries_the_same_label_commands()
    {
        var r = LabelCli.RunFullCli("label", "producer-code", "check", Producer, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"valid\":true", r.StdOut);
        var bad = LabelCli.RunFullCli("label", "producer-code", "check", Producer.Replace("136T", "136A"));
        Assert.Equal(1, bad.ExitCode);
    }
}
