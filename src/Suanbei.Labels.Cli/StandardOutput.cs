using System.Runtime.InteropServices;

namespace Suanbei.Labels.Cli;

/// <summary>
/// Stdout for bytes already encoded (the verify JSON lines): on Linux, <c>write(2)</c> to file descriptor 1 and nothing
/// else. The stream <see cref="Console.OpenStandardOutput()"/> returns sets up the terminal on its first write — a
/// signal-handling thread, a pipe, four signal handlers, Console.Out, terminal queries — which a program that only
/// prints bytes and exits does not use; skipping it is ≈ 20 page faults and one thread fewer per run (BENCHMARKS.md,
/// one file's start-up). Writes behave as Console's do: partial writes continue, EINTR retries, a non-blocking
/// descriptor is waited on, and a reader that went away (EPIPE: `… | head -1`) ends the output silently rather than
/// with an exception. Elsewhere, and if libc cannot be bound, Console's stream.
/// </summary>
internal sealed class StandardOutput : Stream
{
    private const int StdoutFd = 1;
    private const int Eintr = 4, Eagain = 11, Epipe = 32; // Linux errno values (x86-64 and arm64 alike)
    private const short PollOut = 0x4;

    private bool _readerGone;
    private Stream? _console; // where libc's write could not be bound (a framework-dependent build, say)

    private StandardOutput() { }

    public static Stream Open() => OperatingSystem.IsLinux() ? new StandardOutput() : Console.OpenStandardOutput();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => _console?.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        if (_console is null)
        {
            try { WriteFd(bytes); return; }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _console = Console.OpenStandardOutput();
            }
        }
        _console.Write(bytes);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _console?.Dispose();
        base.Dispose(disposing);
    }

    private void WriteFd(ReadOnlySpan<byte> bytes)
    {
        var written = 0;
        while (written < bytes.Length && !_readerGone)
        {
            var rest = bytes[written..];
            var n = SysWrite(StdoutFd, ref MemoryMarshal.GetReference(rest), rest.Length);
            if (n >= 0) { written += (int)n; continue; }
            switch (Marshal.GetLastPInvokeError())
            {
                case Eintr: break;
                case Epipe: _readerGone = true; break;
                case Eagain:
                    var wait = new PollFd { Fd = StdoutFd, Events = PollOut };
                    SysPoll(ref wait, 1, -1);
                    break;
                case var errno: throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "write")]
    private static extern nint SysWrite(int fd, ref byte buffer, nint count);

    [DllImport("libc", SetLastError = true, EntryPoint = "poll")]
    private static extern int SysPoll(ref PollFd fds, nuint count, int timeoutMs);
}
