using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Suanbei.GenAi.Cli;

/// <summary>A line on standard error in one write, without <see cref="Console.Error"/>: its first use starts a thread
/// (the console's signal handling), a pipe and terminal queries, which a sample that prints one line at its end does not
/// need.</summary>
internal static class StandardError
{
    public static void WriteLine(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + Environment.NewLine);
        try
        {
            // A FileStream writes where the descriptor is (a file shared with standard output, say), or to a pipe.
            using var stream = new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 0);
            stream.Write(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.Write(text + Environment.NewLine);
        }
    }
}
