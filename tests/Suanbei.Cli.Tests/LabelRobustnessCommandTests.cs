using System.Diagnostics;
using System.Text.Json;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>`label` commands on folders and files a user did not expect: named pipes, symlink loops, the leftovers of a
/// killed write.</summary>
public class LabelRobustnessCommandTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-cli-robust-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string P(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Verify_of_a_folder_skips_a_named_pipe_and_does_not_follow_a_symlink_to_a_parent()
    {
        var folder = Directory.CreateDirectory(P("folder")).FullName;
        LabelCli.Png(folder, "a.png");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        LabelCli.Png(Path.Combine(folder, "sub"), "b.png");
        ExternalTool.RunChecked("mkfifo", Path.Combine(folder, "pipe.png"));
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "up"), folder);

        // LabelCli.Run kills the process after two minutes and throws: a hang fails the test instead of blocking it.
        var r = LabelCli.Run("label", "verify", "--json", folder);
        Assert.Equal(2, r.ExitCode); // both images not_found; neither the pipe nor the loop is an I/O error
        var files = r.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()).ToList();
        Assert.Equal([Path.Combine(folder, "a.png"), Path.Combine(folder, "sub", "b.png")], files);
        Assert.Contains("已跳过", r.StdErr);
        Assert.Contains("pipe.png", r.StdErr);

        var named = LabelCli.Run("label", "verify", Path.Combine(folder, "pipe.png"));
        Assert.Equal(10, named.ExitCode);
        Assert.Contains("不是普通文件", named.StdErr);
    }

    [Fact]
    public void An_empty_path_is_a_usage_error_not_an_unhandled_exception()
    {
        var write = LabelCli.Run("label", "write", "", "-o", P("out.png"), "--producer", Producer, "--produce-id", "e-1");
        Assert.Equal(10, write.ExitCode);
        Assert.Contains("路径无效", write.StdErr);
        Assert.DoesNotContain("Unhandled", write.StdErr);
        var propagate = LabelCli.Run("label", "propagate", "", "-o", P("out.png"), "--propagator", Producer, "--propagate-id", "e-2");
        Assert.Equal(10, propagate.ExitCode);
        Assert.DoesNotContain("Unhandled", propagate.StdErr);
    }

    [Fact]
    public void A_write_killed_with_sigkill_leaves_a_recognisable_temp_file_that_the_next_write_removes()
    {
        // A WAV large enough that the copy is still running when it is killed (not sparse: copy_file_range would
        // share the holes in no time).
        var input = P("big.wav");
        using (var s = File.Create(input))
        {
            const int dataSize = 128 * 1024 * 1024;
            s.Write("RIFF"u8); s.Write(BitConverter.GetBytes(36 + dataSize)); s.Write("WAVEfmt "u8);
            s.Write(BitConverter.GetBytes(16)); s.Write(BitConverter.GetBytes((short)1)); s.Write(BitConverter.GetBytes((short)1));
            s.Write(BitConverter.GetBytes(8000)); s.Write(BitConverter.GetBytes(16000)); s.Write(BitConverter.GetBytes((short)2));
            s.Write(BitConverter.GetBytes((short)16)); s.Write("data"u8); s.Write(BitConverter.GetBytes(dataSize));
            var block = new byte[1 << 20];
            new Random(1).NextBytes(block);
            for (var i = 0; i < dataSize / block.Length; i++) s.Write(block);
        }
        var outDir = Directory.CreateDirectory(P("out")).FullName;
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "suanbei-label.dll"), "label", "write", input, "-o",
            Path.Combine(outDir, "big.wav"), "--producer", Producer, "--produce-id", "k-1" })
            psi.ArgumentList.Add(a);
        var temps = Array.Empty<string>();
        for (var attempt = 0; attempt < 5 && temps.Length == 0; attempt++)
        {
            using var p = Process.Start(psi)!;
            var deadline = Stopwatch.StartNew();
            while (!p.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(1))
            {
                temps = Directory.GetFiles(outDir, "*", new EnumerationOptions { AttributesToSkip = 0 });
                if (temps.Length > 0) break;
                Thread.Sleep(2);
            }
            if (!p.HasExited) ExternalTool.RunChecked("kill", "-KILL", p.Id.ToString()); // a real SIGKILL: no handler runs
            p.WaitForExit();
            temps = Directory.GetFiles(outDir, "*", new EnumerationOptions { AttributesToSkip = 0 });
            // Finished first: again.
            if (File.Exists(Path.Combine(outDir, "big.wav"))) { File.Delete(Path.Combine(outDir, "big.wav")); temps = []; }
        }
        var temp = Path.GetFileName(Assert.Single(temps));
        Assert.Matches(@"^\.big\.wav\.suanbei-[0-9]+-[0-9a-f]{8}\.partial$", temp);

        var small = LabelCli.Png(_dir, "small.png");
        var r = LabelCli.Run("label", "write", small, "-o", Path.Combine(outDir, "small.png"), "--producer", Producer, "--produce-id",
            "k-2");
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal([Path.Combine(outDir, "small.png")], Directory.GetFiles(outDir, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }
}
