using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Suanbei.Core.Files;

/// <summary>
/// The one rule for a path that a tool replaces atomically (a temporary file beside it, then a rename): the path must
/// be missing or a regular file (a symlink to one counts). A rename replaces whatever the name points at, so run as
/// root, <c>-o /dev/null</c> or <c>-o /dev/stdout</c> would swap the system's device or link for a regular file. An
/// existing device, pipe, socket or folder is therefore refused before anything is written. Linux <c>statx(2)</c>
/// tells these apart (.NET's file APIs report a device as a file); elsewhere only a folder is refused.
/// </summary>
public static class OutputPaths
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode
    private const int StructSize = 256;

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask,
        ref byte buffer);

    /// <summary>Throws an <see cref="IOException"/> with a Chinese message naming <paramref name="path"/> when it
    /// exists and is not a regular file.</summary>
    public static void RequireReplaceable(string path)
    {
        if (!IsReplaceable(path)) throw new IOException(NotReplaceable(path));
    }

    public static string NotReplaceable(string path) =>
        $"输出路径 {path} 已存在且不是普通文件（目录、设备、命名管道或套接字），不会被替换；请指定一个普通文件";

    /// <summary>True when <paramref name="path"/> is missing or names a regular file, following symlinks.</summary>
    public static bool IsReplaceable(string path)
    {
        if (Directory.Exists(path)) return false;
        if (!OperatingSystem.IsLinux()) return true;
        try
        {
            Span<byte> buffer = stackalloc byte[StructSize];
            if (Statx(AtFdCwd, path, 0, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
                return Marshal.GetLastPInvokeError() is 2 /* ENOENT */ or 20 /* ENOTDIR */;
            return (BinaryPrimitives.ReadUInt16LittleEndian(buffer[ModeOffset..]) & 0xF000) == 0x8000;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return true; }
    }
}
