using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>
/// When <c>./suanbei</c> rebuilds: a copy of the launcher in a small fake repository, with a <c>dotnet</c> on PATH that
/// "publishes" a shell script printing its arguments, so every freshness rule is checked in seconds without a real build.
/// A call that built says so on stderr ("suanbei: building…"). Times are set explicitly: the build is dated ten seconds
/// back and a change five, as a file system's clock ticks coarsely (an edit in the same tick as the build's marker would
/// look as old as the build), and a time in the future would look newer than every later build too.
/// </summary>
public sealed class LauncherFreshnessTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("suanbei-launcher-freshness-").FullName;
    private string Src(string relative) => Path.Combine(_root, "src", relative);
    private string Build => Path.Combine(_root, ".build", "label");
    private string Launcher => Path.Combine(_root, "suanbei");
    private string Deep => Src("Suanbei.Labels/Containers/Png/PngReader.cs");

    public LauncherFreshnessTests()
    {
        File.Copy(Path.Combine(RepoPaths.Root, "suanbei"), Launcher);
        File.SetUnixFileMode(Launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        string[] sources = ["Suanbei.Labels.Quick/Program.cs", "Suanbei.Labels.Cli/Program.cs", "Suanbei.Labels.Security/Sm2.cs",
            "Suanbei.Labels/Containers/Png/PngReader.cs", "Suanbei.Labels/Containers/Png/PngWriter.cs", "Suanbei.Core/Data/codes.tsv"];
        foreach (var f in sources)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Src(f))!);
            File.WriteAllText(Src(f), "// " + f);
        }
        // Every source dated before the build (which AfterBuild dates ten seconds back), so that only what a test
        // changes looks changed.
        var before = DateTime.UtcNow.AddSeconds(-20);
        File.SetLastWriteTimeUtc(Path.Combine(_root, "Directory.Build.props"), before);
        foreach (var f in Directory.EnumerateFiles(Src(""), "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(f, before);
        foreach (var d in Directory.EnumerateDirectories(Src(""), "*", SearchOption.AllDirectories))
            Directory.SetLastWriteTimeUtc(d, before);
        // The fake SDK: `publish`/`build … -o DIR` leaves DIR/suanbei-label, a script that answers with its arguments
        // (and the launcher's path when the launcher passes it). Its Native AOT publish fails unless FAKE_AOT is set,
        // so the launcher falls back to a build whose freshness the shell checks (.fresh); an AOT build checks itself.
        // With FAKE_NO_PROGRAM set every step reports success but writes no program (as a killed tool can).
        var bin = Path.Combine(_root, "fake-sdk");
        Directory.CreateDirectory(bin);
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, """
            #!/bin/sh
            case "$*:${FAKE_AOT-}" in *PublishAot=true*:) exit 1 ;; esac
            while [ $# -gt 0 ]; do
              if [ "$1" = -o ]; then
                mkdir -p "$2"; program="$2/suanbei-label"
                [ -z "${FAKE_NO_PROGRAM-}" ] || exit 0
                printf '#!/bin/sh\necho "fake label $*${SUANBEI_LAUNCHER:+ from $SUANBEI_LAUNCHER}"\n' > "$program"; chmod +x "$program"
              fi
              shift
            done
            """);
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() { try { Directory.Delete(_root, true); } catch (IOException) { } }

    [Fact]
    public void Builds_once_then_runs_the_build_through_the_fast_path()
    {
        var first = Label();
        Assert.True(first.Built, first.ToString());
        Assert.Equal("fake label label verify x.png --json", first.StdOut.Trim());
        Assert.True(File.Exists(Path.Combine(Build, ".fresh")), "the build wrote no freshness check");

        var second = Label();
        Assert.False(second.Built, second.ToString());
        Assert.Equal(first.StdOut, second.StdOut);
    }

    [Fact]
    public void A_build_step_that_reports_success_without_a_program_counts_as_failed_and_installs_nothing()
    {
        var failed = Label(aot: true, noProgram: true);
        Assert.Contains("publish_label_aot left no suanbei-label", failed.StdErr);
        Assert.Contains("build_label_fallback left no suanbei-label", failed.StdErr);
        Assert.False(Directory.Exists(Build), "a build without its program was put in place");
        Assert.Empty(Directory.GetDirectories(Path.Combine(_root, ".build"), "label.tmp-*"));

        var next = Label(aot: true);
        Assert.True(next.Built, next.ToString());
        Assert.Equal("fake label label verify x.png --json", next.StdOut.Trim());
    }

    [Fact]
    public void A_native_build_is_started_with_the_launcher_named_so_that_it_checks_itself()
    {
        var first = Label(aot: true);
        Assert.True(first.Built, first.ToString());
        Assert.True(File.Exists(Path.Combine(Build, ".self-check")), "the Native AOT build was not marked as checking itself");

        var second = Label(aot: true);
        Assert.False(second.Built, second.ToString());
        Assert.Equal("fake label label verify x.png --json from " + Launcher, second.StdOut.Trim());
    }

    [Fact]
    public void An_edit_in_place_of_a_deep_source_file_rebuilds_though_its_folder_time_is_unchanged()
    {
        Assert.True(Label().Built);
        var folder = Path.GetDirectoryName(Deep)!;
        var folderTime = Directory.GetLastWriteTimeUtc(folder);
        using (var f = new FileStream(Deep, FileMode.Open, FileAccess.Write)) f.Write("//x"u8);
        File.SetLastWriteTimeUtc(Deep, AfterBuild());
        Directory.SetLastWriteTimeUtc(folder, folderTime);

        Assert.False(Fresh(), "the preamble's check misses a file edited in place");
        Assert.True(Label().Built, "an edited source file did not rebuild");
        Assert.False(Label().Built, "the rebuild did not count as fresh");
    }

    [Fact]
    public void A_new_source_file_rebuilds_even_with_an_old_time()
    {
        Assert.True(Label().Built);
        var added = Src("Suanbei.Labels/Containers/Png/PngChunks.cs");
        File.WriteAllText(added, "// new");
        File.SetLastWriteTimeUtc(added, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // as unpacked from an archive
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(added)!, AfterBuild());

        Assert.False(Fresh(), "the preamble's check misses a changed folder");
        Assert.True(Label().Built, "an added source file did not rebuild");
    }

    [Fact]
    public void A_deleted_source_file_rebuilds()
    {
        Assert.True(Label().Built);
        File.Delete(Deep);
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(Deep)!, AfterBuild());

        Assert.True(Label().Built, "a deleted source file did not rebuild");
    }

    [Fact]
    public void A_folder_changed_by_something_else_is_checked_once_and_then_counts_as_seen()
    {
        Assert.True(Label().Built);
        // An editor's swap file or a build's obj/: the folder's time moves, its source files do not.
        var folder = Path.GetDirectoryName(Deep)!;
        File.WriteAllText(Path.Combine(folder, ".PngReader.cs.swp"), "");
        Directory.SetLastWriteTimeUtc(folder, AfterBuild());

        Assert.False(Label().Built, "a folder change without a source change rebuilt");
        Assert.True(File.Exists(Path.Combine(Build, ".checked")), "the full check was not recorded");
        Assert.True(Fresh(), "after the full check the fast path still does not count the build as fresh");
    }

    [Fact]
    public void A_build_without_a_freshness_check_gets_one_without_rebuilding()
    {
        Assert.True(Label().Built);
        File.Delete(Path.Combine(Build, ".fresh")); // as a build made by an earlier launcher

        Assert.False(Label().Built, "an earlier launcher's build was rebuilt");
        Assert.True(File.Exists(Path.Combine(Build, ".fresh")));
        Assert.True(Fresh());
        File.SetLastWriteTimeUtc(Deep, AfterBuild());
        Assert.False(Fresh(), "the regenerated check misses an edited file");
    }

    /// <summary>Dates the completed build ten seconds back and returns a time after it, five seconds back.</summary>
    private DateTime AfterBuild()
    {
        File.SetLastWriteTimeUtc(Path.Combine(Build, ".built"), DateTime.UtcNow.AddSeconds(-10));
        return DateTime.UtcNow.AddSeconds(-5);
    }

    /// <summary>The build's freshness check, sourced by /bin/sh as the launcher's preamble does.</summary>
    private bool Fresh()
    {
        var r = ExternalTool.Run("sh", ["-c", "d=\"$1\"; . \"$d/.fresh\"", "sh", Build]);
        Assert.True(r.StdErr.Length == 0, r.StdErr);
        return r.ExitCode == 0;
    }

    private sealed record Call(int ExitCode, string StdOut, string StdErr)
    {
        public bool Built => StdErr.Contains("suanbei: building…");
    }

    private Call Label(bool aot = false, bool noProgram = false)
    {
        var psi = new ProcessStartInfo(Launcher)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        foreach (var a in new[] { "label", "verify", "x.png", "--json" }) psi.ArgumentList.Add(a);
        psi.Environment["PATH"] = Path.Combine(_root, "fake-sdk") + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment.Remove("SUANBEI_BUILD_DIR");
        if (aot) psi.Environment["FAKE_AOT"] = "1";
        if (noProgram) psi.Environment["FAKE_NO_PROGRAM"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(1))) { p.Kill(true); throw new TimeoutException("./suanbei label verify"); }
        var call = new Call(p.ExitCode, stdout.Result, stderr.Result);
        Assert.True(call.ExitCode == (noProgram ? 10 : 0), call.ToString());
        return call;
    }
}
