using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>
/// <c>./suanbei label …</c> starts a small Native AOT program (src/Suanbei.Labels.Quick) that runs verify/read --json and
/// write itself and hands every other command line to the full program in <c>full/</c>. Whichever of the two answers,
/// the caller sees the same bytes on stdout and stderr, the same exit code and the same files.
/// </summary>
[Collection("launcher builds")]
public sealed class LabelQuickProgramTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-quick-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static string Build => Path.Combine(Environment.GetEnvironmentVariable("SUANBEI_BUILD_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepoPaths.Root, ".build"), "label");

    private static string Quick => Path.Combine(Build, "suanbei-label");
    private static string Full => Path.Combine(Build, "full", "suanbei-label");

    /// <summary>Builds through the launcher (once per test run) and returns its label folder.</summary>
    private static void EnsureBuilt() => Assert.Equal(0, LabelCli.Run("label", "--help").ExitCode);

    [Fact]
    public void Launcher_starts_a_quick_program_much_smaller_than_the_full_one()
    {
        EnsureBuilt();
        Assert.True(File.Exists(Full), "no full program beside the quick one: " + Full);
        // The point of the split: the executable that starts for every file leaves System.CommandLine, Spectre.Console
        // and BouncyCastle out, and Native AOT's start-up work grows with the managed code. Compared by that code:
        // the files also hold zero padding that aligns their segments to 2 MiB (the huge-page link step), and the
        // quick one carries glibc, linked in statically, where the full one maps libc.so.
        var (quick, full) = (ElfSegments.SectionSize(Quick, "__managedcode"), ElfSegments.SectionSize(Full, "__managedcode"));
        Assert.True(quick > 0 && quick * 2 < full, $"quick {quick} bytes of managed code, full {full}");
    }

    [Fact]
    public void Both_programs_leave_room_for_a_huge_page_where_the_runtime_expands_its_data()
    {
        EnsureBuilt();
        foreach (var program in new[] { Quick, Full })
        {
            // The kernel places the executable on a 2 MiB boundary, and the writable segment (data, then the
            // zero-filled .hydrated section the runtime expands at start) spans at least one whole aligned 2 MiB range,
            // which hydrated-huge-page.c asks to be a transparent huge page.
            const ulong hugePage = 2 * 1024 * 1024;
            var segments = ElfSegments.LoadOf(program);
            Assert.All(segments, s => Assert.Equal(hugePage, s.Alignment));
            var data = Assert.Single(segments, s => s.Writable);
            var alignedStart = (data.VirtualAddress + hugePage - 1) / hugePage * hugePage;
            Assert.True(alignedStart + hugePage <= data.VirtualAddress + data.MemorySize,
                $"{program}: writable segment 0x{data.VirtualAddress:x} + 0x{data.MemorySize:x} holds no aligned 2 MiB range");
        }
    }

    [Fact]
    public void Quick_and_full_programs_answer_every_command_line_alike()
    {
        EnsureBuilt();
        var png = LabelCli.Png(_dir, "a.png");
        var labeled = Path.Combine(_dir, "labeled.png");
        Assert.Equal(0, LabelCli.Run("label", "write", png, "-o", labeled, "--producer", Producer, "--produce-id", "q-1").ExitCode);
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "folder")).FullName;
        File.Copy(labeled, Path.Combine(folder, "1.png"));
        File.Copy(png, Path.Combine(folder, "2.png"));
        File.WriteAllText(Path.Combine(folder, "3.txt"), "not an image");
        var list = Path.Combine(_dir, "list.txt");
        File.WriteAllLines(list, [labeled, png]);
        var missing = Path.Combine(_dir, "missing.png");

        string[][] commandLines =
        [
            // What the quick program runs itself.
            ["label", "verify", labeled, "--json"],
            ["label", "verify", "--json", labeled, png, folder],
            ["label", "verify", "--files-from", list, "--json"],
            ["label", "verify", "--json", labeled, missing],
            ["label", "verify", "--json", "--files-from", missing],
            ["label", "verify", "--json"],
            ["label", "read", labeled, "--json"],
            ["label", "read", png, "--json"],
            ["label", "read", missing, "--json"],
            ["label", "write", png, "--producer", Producer, "--produce-id", "q-2"],
            ["label", "write", png, "-o", labeled, "--in-place", "--producer", Producer, "--produce-id", "q-2"],
            ["label", "write", png, "-o", png, "--producer", Producer, "--produce-id", "q-2"],
            ["label", "write", missing, "-o", labeled, "--producer", Producer, "--produce-id", "q-2"],
            ["label", "write", png, "-o", labeled, "--producer", "not-a-code", "--produce-id", "q-2"],
            // What it hands over: tables, help, usage errors, and forms System.CommandLine reads its own way.
            ["label", "verify", labeled],
            ["label", "read", labeled],
            ["label", "verify", labeled, "--json", "false"],
            ["label", "verify", labeled, "--json", "--json"],
            ["label", "verify", "--files-from=" + list, "--json"],
            ["label", "verify", "@" + list, "--json"],
            ["label", "verify", "--help"],
            ["label", "verify", labeled, "--json", "--", "-x"],
            ["label", "write", png, "-o", labeled, "--producer", Producer],
            ["label", "write", png, "-o", labeled, "-o", labeled, "--producer", Producer, "--produce-id", "q-2"],
            ["label", "no-such-command"],
            ["label"],
        ];
        foreach (var args in commandLines)
        {
            var quick = Start(Quick, args);
            var full = Start(Full, args);
            var shown = string.Join(' ', args);
            Assert.True(full == quick, $"{shown}\nquick: {quick}\nfull:  {full}");
        }
    }

    [Fact]
    public void Quick_and_full_programs_write_the_same_bytes_copied_and_in_place()
    {
        EnsureBuilt();
        var png = LabelCli.Png(_dir, "a.png");
        var wav = Path.Combine(_dir, "a.wav"); // PNG has no in-place write; WAV has
        ExternalTool.RunChecked("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=d=0.2", wav);
        var bytes = new List<byte[]>();
        foreach (var program in new[] { Quick, Full })
        {
            var copy = Path.Combine(_dir, "copy.png");
            var inPlace = Path.Combine(_dir, "in-place.wav");
            File.Copy(wav, inPlace, overwrite: true);
            File.Delete(copy);
            var copied = Start(program, ["label", "write", png, "-o", copy, "--producer", Producer, "--produce-id", "b",
                "--label", "2", "--reserved-code1", "r1"]);
            Assert.True(copied.ExitCode == 0, program + ": " + copied.StdErr);
            var patched = Start(program, ["label", "write", inPlace, "--in-place", "--producer", Producer, "--produce-id", "b"]);
            Assert.True(patched.ExitCode == 0, program + ": " + patched.StdErr);
            bytes.Add(File.ReadAllBytes(copy));
            bytes.Add(File.ReadAllBytes(inPlace));
        }
        Assert.Equal(bytes[0], bytes[2]);
        Assert.Equal(bytes[1], bytes[3]);
        Assert.NotEqual(File.ReadAllBytes(wav), bytes[1]);
    }

    [Fact]
    public void Quick_program_without_the_full_one_says_so_rather_than_crash()
    {
        EnsureBuilt();
        var alone = Path.Combine(_dir, "suanbei-label");
        File.Copy(Quick, alone);
        File.SetUnixFileMode(alone, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var r = Start(alone, ["label", "verify", "--help"]);
        Assert.Equal(10, r.ExitCode);
        Assert.Contains("无法启动完整的标识程序", r.StdErr);
        Assert.Contains(Path.Combine(_dir, "full", "suanbei-label"), r.StdErr);
    }

    [Fact]
    public void Verify_json_writes_to_stdout_without_setting_up_the_terminal()
    {
        EnsureBuilt();
        var folder = LabeledFolder(400); // ≈ 130 KB of lines: more than a pipe holds, so the program waits on its write
        var psi = new ProcessStartInfo(Quick) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "label", "verify", folder, "--json" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        // While it waits on write(2), its threads are what printing cost: Console's stream would have started
        // its signal-handling thread on the first write.
        var write = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture
            == System.Runtime.InteropServices.Architecture.Arm64 ? "64 " : "1 ";
        var syscall = Path.Combine("/proc", p.Id.ToString(), "syscall");
        var waited = Stopwatch.StartNew();
        while (!File.ReadAllText(syscall).StartsWith(write, StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "the program never waited on a full pipe");
            Thread.Sleep(5);
        }
        var threads = Directory.GetDirectories(Path.Combine("/proc", p.Id.ToString(), "task"))
            .Select(t => File.ReadAllText(Path.Combine(t, "comm")).Trim()).ToList();
        var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        p.WaitForExit();
        Assert.DoesNotContain(threads, t => t.Contains("SigHandler", StringComparison.Ordinal));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(400, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"verdict\":\"compliant\"", l));
    }

    [Fact]
    public void Verify_json_whose_reader_stops_early_ends_quietly()
    {
        EnsureBuilt();
        var folder = LabeledFolder(400);
        // `… | head -c 100`: the rest of the lines meet a closed pipe (EPIPE), which ends the output, not the program.
        var r = ExternalTool.Run("bash", ["-c",
            "\"$0\" label verify \"$1\" --json 2>\"$2\" | head -c 100 > /dev/null; exit ${PIPESTATUS[0]}",
            Quick, folder, Path.Combine(_dir, "stderr.txt")]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", File.ReadAllText(Path.Combine(_dir, "stderr.txt")));
    }

    /// <summary>A folder of <paramref name="count"/> copies of one labelled PNG.</summary>
    private string LabeledFolder(int count)
    {
        var png = LabelCli.Png(_dir, "a.png");
        var labeled = Path.Combine(_dir, "labeled.png");
        Assert.Equal(0, LabelCli.Run("label", "write", png, "-o", labeled, "--producer", Producer, "--produce-id", "f").ExitCode);
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "many")).FullName;
        for (var i = 0; i < count; i++) File.Copy(labeled, Path.Combine(folder, $"{i:D4}.png"));
        return folder;
    }

    private sealed record Outcome(int ExitCode, string StdOut, string StdErr);

    private static Outcome Start(string program, string[] args)
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
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException(string.Join(' ', args)); }
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
