using System.Diagnostics;

namespace Suanbei.Testing;

/// <summary>Runs Debian tools (exiftool, ffmpeg, ffprobe, vips, chromium …) that the test command installs.</summary>
public static class ExternalTool
{
    /// <summary>
    /// The Debian package that provides each tool the tests run, where its name differs from the tool's; every package
    /// here is in the test command's <c>packages</c> list (ExternalToolPackageTests checks that).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Packages = new Dictionary<string, string>
    {
        ["exiftool"] = "libimage-exiftool-perl",
        ["ffprobe"] = "ffmpeg",
        ["vips"] = "libvips-tools",
        ["convert"] = "imagemagick",
        ["identify"] = "imagemagick",
        ["compare"] = "imagemagick",
        ["soffice"] = "libreoffice-calc-nogui",
        ["libreoffice"] = "libreoffice-writer-nogui",
        ["pdfinfo"] = "poppler-utils",
        ["pdftotext"] = "poppler-utils",
        ["gs"] = "ghostscript",
        ["mkvinfo"] = "mkvtoolnix",
        ["runuser"] = "util-linux",
        ["setsid"] = "util-linux",
        ["kill"] = "procps",
    };

    /// <summary>The Debian package that provides <paramref name="tool"/> (its own name when not listed).</summary>
    public static string PackageOf(string tool) => Packages.GetValueOrDefault(tool, tool);

    /// <summary>Full path of a tool on PATH, or an exception that names the Debian package to install.</summary>
    public static string Require(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"'{name}' is not installed: install the Debian package {PackageOf(name)} (./test installs every package the tests need).");
    }

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string tool, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null,
        string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in time");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a tool and throws with its stderr when it fails.</summary>
    public static string RunChecked(string tool, params string[] args)
    {
        var r = Run(tool, args);
        if (r.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {r.ExitCode}: {r.StdErr}");
        return r.StdOut;
    }
}
