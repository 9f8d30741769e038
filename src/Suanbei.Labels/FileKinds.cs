using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Suanbei.Labels;

public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode
    private const int StructSize = 256;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    [DllImport("libc", SetLastError = true, EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask,
        ref byte buffer);

    /// <summary>The kind of <paramref name="path"/>, following symlinks (a symlink to a regular file is regular).</summary>
    public static FileKind Of(string path) => Of(path, followSymlinks: true);

    public static FileKind Of(string path, bool followSymlinks)
    {
        if (!_unavailable)
        {
            try
            {
                Span<byte> buffer = stackalloc byte[StructSize];
                var flags = followSymlinks ? 0 : AtSymlinkNoFollow;
                if (Statx(AtFdCwd, path, flags, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
                    return Marshal.GetLastPInvokeError() is 2 /* ENOENT */ or 20 /* ENOTDIR */ ? FileKind.Missing : FileKind.Other;
                return (BinaryPrimitives.ReadUInt16LittleEndian(buffer[ModeOffset..]) & 0xF000) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    _ => FileKind.Other, // FIFO, socket, character or block device (or a symlink when not followed)
                };
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { _unavailable = true; }
        }
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>Throws a Chinese <see cref="IOException"/> unless <paramref name="path"/> is a regular file.</summary>
    public static void RequireRegular(string path)
    {
        switch (Of(path))
        {
            case FileKind.Regular: return;
            case FileKind.Missing: throw new FileNotFoundException($"文件不存在：{path}", path);
            case FileKind.Directory: throw new IOException(IsDirectory(path));
            default: throw new IOException(NotRegular(path));
        }
    }

    /// <summary>What a command says when given a folder where it expects a file.</summary>
    public static string IsDirectory(string path) => $"{path} 是目录，不是文件";

    public static string NotRegular(string path) => $"{path} 不是普通文件（命名管道、套接字或设备），未打开";

    /// <summary>Every regular file under <paramref name="directory"/> (recursively, in ordinal path order), each once:
    /// directory symlinks are not followed (a link to a parent folder would otherwise repeat files until the path is
    /// too long); symlinks to regular files are included. Entries that are neither (pipes, devices, sockets, dangling
    /// links) are passed to <paramref name="skipped"/> without being opened.</summary>
    public static List<string> RegularFilesUnder(string directory, Action<string> skipped)
    {
        var files = new List<string>();
        // On Linux the walk reads the folders' entry types (readdir's d_type) and needs no system call per file; the
        // general enumerator takes an lstat, a geteuid and our statx per entry (BENCHMARKS.md, the folder run). Any
        // error there is left to the general walk, which raises it as it always has.
        if (!(OperatingSystem.IsLinux() && IntPtr.Size == 8 && DirectoryEntries.TryCollect(directory, files, skipped)))
        {
            files.Clear();
            CollectPortably(directory, files, skipped);
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    internal static void CollectPortably(string directory, List<string> files, Action<string> skipped)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0, // hidden files too, as Directory.EnumerateFiles(…, AllDirectories) did
            IgnoreInaccessible = false,
        };
        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsLink)>(directory,
            (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToSpecifiedFullPath(), (e.Attributes & FileAttributes.ReparsePoint) != 0),
                options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => !e.IsDirectory
                || (e.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        foreach (var (path, isLink) in entries) Classify(path, isLink, files, skipped);
    }

    /// <summary>Files an entry that is not a folder to walk: a regular file (or a link to one) is kept, a link to a
    /// folder is not followed, anything else is <paramref name="skipped"/>.</summary>
    internal static void Classify(string path, bool isLink, List<string> files, Action<string> skipped)
    {
        switch (Of(path))
        {
            case FileKind.Regular: files.Add(path); break;
            case FileKind.Directory when isLink: break; // a directory symlink: not followed
            default: skipped(path); break;
        }
    }
}
