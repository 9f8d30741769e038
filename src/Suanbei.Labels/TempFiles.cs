using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Suanbei.Labels;

/// <summary>
/// Names of the temporary files an atomic write creates beside its output, and the removal of ones a killed writer
/// left behind. A name is <c>.OUTPUT.suanbei-PID-RANDOM.partial</c>: hidden, ending in <c>.partial</c> rather than the
/// output's extension (so no viewer or upload form takes it for the output), and carrying the writer's process id.
/// On every write into a folder, temp files there whose writer process is gone, or that nobody has written to for
/// <see cref="StaleAfter"/>, are deleted.
/// </summary>
public static partial class TempFiles
{
    /// <summary>A live writer modifies its temp file continually; one untouched this long belongs to no running
    /// write (a copy of 100 GB at 100 MB/s takes 17 minutes, and the mtime moves all the while).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    private const string Marker = ".suanbei-";
    private const string Suffix = ".partial";

    /// <summary>Output names are cut (in UTF-8 bytes) so that the temp name stays within the 255-byte file-name limit.</summary>
    private const int MaxOutputNameBytes = 180;

    /// <summary>A fresh temp path in the folder of <paramref name="outputPath"/> (which must be a full path).</summary>
    public static string NewPathFor(string outputPath)
    {
        var dir = Path.GetDirectoryName(outputPath)!;
        var name = Path.GetFileName(outputPath);
        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxOutputNameBytes)
        {
            int cut = 0, bytes = 0;
            while (cut < name.Length)
            {
                var width = char.IsSurrogatePair(name, cut) ? 2 : 1; // never split a surrogate pair
                var size = System.Text.Encoding.UTF8.GetByteCount(name.AsSpan(cut, width));
                if (bytes + size > MaxOutputNameBytes) break;
                bytes += size;
                cut += width;
            }
            name = name[..cut];
        }
        return Path.Combine(dir, $".{name}{Marker}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}{Suffix}");
    }

    /// <summary>True when <paramref name="fileName"/> has the shape of one of our temp files.</summary>
    public static bool IsTempName(string fileName) => Pattern().IsMatch(fileName);

    /// <summary>Deletes stale temp files in <paramref name="directory"/>; returns how many. Never throws: cleanup must
    /// not make a write fail (a file that vanished or cannot be deleted is left to the next write).</summary>
    public static int RemoveStale(string directory, DateTime? nowUtc = null)
    {
        var removed = 0;
        try
        {
            var now = nowUtc ?? DateTime.UtcNow;
            var options = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = true };
            foreach (var path in Directory.EnumerateFiles(directory, "*" + Suffix, options))
            {
                var match = Pattern().Match(Path.GetFileName(path));
                if (!match.Success || !int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture,
                    out var pid)) continue;
                try
                {
                    var info = new FileInfo(path);
                    if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0) continue;
                    if (IsRunning(pid) && now - info.LastWriteTimeUtc < StaleAfter) continue;
                    info.Delete();
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* next write retries */ }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* folder unreadable: nothing to do */ }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true; // another write in this process (e.g. the web app)
        if (OperatingSystem.IsLinux()) return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    [GeneratedRegex(@"^\..*\.suanbei-(?<pid>[0-9]{1,10})-[0-9a-f]{8}\.partial$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
