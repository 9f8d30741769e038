using System.Buffers;
using System.Runtime.InteropServices;

namespace Suanbei.Labels.Formats.Io;

/// <summary>
/// The verify path's read of a small file on Linux: <c>open</c>, one <c>pread</c> of up to
/// <see cref="LabelFile.SmallFileLength"/> bytes into a pooled buffer, <c>close</c>. Three system calls where
/// <see cref="File.OpenHandle(string, FileMode, FileAccess, FileShare, FileOptions, long)"/> and
/// <see cref="RandomAccess"/> make seven (two fstat, two flock for FileShare, getcwd for a relative path); on this
/// kind of VM each costs about a microsecond, which is most of a small image's verify (BENCHMARKS.md, per-file split).
/// Anything unusual — another OS, a file that cannot be opened or read, a FIFO (opened non-blocking, so it cannot
/// hang here), a directory, a file at least that large — returns null, and the caller takes the general path, which
/// throws the usual exceptions with the usual messages.
/// </summary>
internal static class SmallFileRead
{
    private const int ReadOnlyNonBlockingCloseOnExec = 0x0000 | 0x0800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC

    private static bool _unavailable = !OperatingSystem.IsLinux();

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "pread")]
    private static extern nint PRead(int fd, ref byte buffer, nuint count, long offset);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    public static VerificationReport? TryVerify(string path, string extension)
    {
        if (_unavailable || path.Length == 0 || path.Contains('\0')) return null;
        int fd;
        try { fd = Open(path, ReadOnlyNonBlockingCloseOnExec); }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { _unavailable = true; return null; }
        if (fd < 0) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(LabelFile.SmallFileLength);
        try
        {
            nint n;
            try { n = PRead(fd, ref MemoryMarshal.GetArrayDataReference(buffer), LabelFile.SmallFileLength, 0); }
            finally { Close(fd); }
            // A regular file's pread returns fewer bytes than asked only at its end: n below the limit is the whole file.
            if (n < 0 || n >= LabelFile.SmallFileLength) return null;
            return LabelFile.Verify(new MemoryStream(buffer, 0, (int)n, writable: false, publiclyVisible: true), extension);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }
}
