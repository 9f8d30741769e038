using System.Diagnostics;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>Tables carry colour only for a person at a terminal: piped or redirected output, or NO_COLOR, is plain text.</summary>
public sealed class PlainOutputTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private const string Escape = "\u001b[";
    /// <summary>A colour or style (SGR) sequence. At a terminal .NET itself also sends keypad-mode sequences, which are not
    /// colour.</summary>
    private static readonly System.Text.RegularExpressions.Regex Colour = new("\u001b\\[[0-9;]*m");
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-plain-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    /// <summary>A labelled and an unlabelled PNG: the verify table shows a green and a red verdict.</summary>
    private (string Labeled, string Plain) Files()
    {
        var plain = LabelCli.Png(_dir, "plain.png");
        var labeled = Path.Combine(_dir, "labeled.png");
        var w = LabelCli.Run("label", "write", plain, "-o", labeled, "--producer", Producer, "--produce-id", "plain-1");
        Assert.True(w.ExitCode == 0, w.StdErr);
        return (labeled, plain);
    }

    public static TheoryData<string> Programs => new() { "suanbei-label.dll", "suanbei.dll" };

    [Theory]
    [MemberData(nameof(Programs))]
    public void Piped_tables_have_no_escape_codes_even_on_a_colour_terminal_type(string program)
    {
        var (labeled, plain) = Files();
        foreach (var args in new[] { new[] { "label", "verify", labeled, plain }, ["label", "read", labeled] })
        {
            var (exit, stdout) = Run(program, args, pty: false);
            Assert.True(exit is 0 or 2, stdout);
            Assert.Contains(args[1] == "verify" ? "合规" : "plain-1", stdout);
            Assert.DoesNotContain(Escape, stdout);
        }
    }

    [Fact]
    public void A_terminal_gets_colour_unless_NO_COLOR_is_set()
    {
        var (labeled, plain) = Files();
        var (_, coloured) = Run("suanbei-label.dll", ["label", "verify", labeled, plain], pty: true);
        Assert.Contains("合规", coloured);
        Assert.Matches(Colour, coloured);
        var (_, noColor) = Run("suanbei-label.dll", ["label", "verify", labeled, plain], pty: true, noColor: true);
        Assert.Contains("合规", noColor);
        Assert.DoesNotMatch(Colour, noColor);
    }

    /// <summary>Runs a built program with TERM set to a colour terminal; with <paramref name="pty"/> its stdout is a
    /// pseudo-terminal (util-linux <c>script</c>), else a pipe.</summary>
    private static (int Exit, string StdOut) Run(string program, string[] args, bool pty, bool noColor = false)
    {
        var command = new List<string> { "dotnet", Path.Combine(AppContext.BaseDirectory, program) };
        command.AddRange(args);
        var psi = pty
            ? new ProcessStartInfo(ExternalTool.Require("script"))
            {
                ArgumentList = { "-qec", string.Join(' ', command.Select(Quote)), "/dev/null" }
            }
            : new ProcessStartInfo(command[0]);
        if (!pty) foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        psi.UseShellExecute = false;
        psi.StandardOutputEncoding = System.Text.Encoding.UTF8;
        psi.Environment["TERM"] = "xterm-256color";
        psi.Environment["COLORTERM"] = "truecolor";
        psi.Environment.Remove("NO_COLOR");
        if (noColor) psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException(program); }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
