using System.Runtime.InteropServices;

namespace Suanbei.Labels;

/// <summary>
/// The folder walk of <see cref="FileKinds.RegularFilesUnder"/> on 64-bit Linux: <c>opendir</c>/<c>readdir</c>, which
/// read a folder's entries with their types in a few <c>getdents64</c> calls, so a regular file or a folder costs no
/// system call of its own. Only symlinks are examined (<c>statx</c>, following them), and entries of unknown type
/// (file systems that do not fill <c>d_type</c>). Folders are walked in the order the general enumerator uses (a
/// folder's entries, then its subfolders first in, first out) and paths are joined the same way, so the skipped
/// entries are reported in the same order and the paths are the same strings.
/// </summary>
internal static class DirectoryEntries
{
    // struct dirent on 64-bit Linux (glibc and musl): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
    private const int TypeOffset = 18;
    private const int NameOffset = 19;
    private const byte TypeUnknown = 0, TypeDirectory = 4, TypeRegular = 8, TypeLink = 10;

    private static bool _unavailable;

    [DllImport("libc", SetLastError = true, EntryPoint = "opendir")]
    private static extern nint OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", SetLastError = true, EntryPoint = "readdir")]
    private static extern nint ReadDir(nint dir);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDir(nint dir);

    /// <summary>Adds the regular files under <paramref name="root"/> to <paramref name="files"/> (unsorted) and
    /// reports the skipped entries. False, having reported nothing, when a folder cannot be opened or read (or the
    /// functions are missing): the caller then walks again with the general enumerator, which raises the error.</summary>
    public static bool TryCollect(string root, List<string> files, Action<string> skipped)
    {
        if (_unavailable || root.Length == 0 || root.Contains('\0')) return false;
        var skippedHere = new List<string>();
        var pending = new Queue<string>();
        pending.Enqueue(root);
        try
        {
            while (pending.TryDequeue(out var folder))
                if (!ReadFolder(folder, files, skippedHere, pending)) return false;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }
        foreach (var path in skippedHere) skipped(path);
        return true;
    }

    private static bool ReadFolder(string folder, List<string> files, List<string> skipped, Queue<string> pending)
    {
        var dir = OpenDir(folder);
        if (dir == 0) return false;
        try
        {
            while (true)
            {
                Marshal.SetLastSystemError(0); // readdir leaves errno alone at the end and sets it on an error
                var entry = ReadDir(dir);
                if (entry == 0) return Marshal.GetLastPInvokeError() == 0;
                var name = Marshal.PtrToStringUTF8(entry + NameOffset)!;
                if (name is "." or "..") continue;
                var path = Path.Join(folder, name);
                switch (Marshal.ReadByte(entry, TypeOffset))
                {
                    case TypeRegular: files.Add(path); break;
                    case TypeDirectory: pending.Enqueue(path); break;
                    case TypeLink: FileKinds.Classify(path, isLink: true, files, skipped.Add); break;
                    case TypeUnknown:
                        var kind = FileKinds.Of(path, followSymlinks: false);
                        if (kind == FileKind.Directory) pending.Enqueue(path);
                        else if (kind == FileKind.Regular) files.Add(path);
                        else FileKinds.Classify(path, isLink: true, files, skipped.Add); // a link, or what it is not
                        break;
                    default: skipped.Add(path); break; // a pipe, socket or device
                }
            }
        }
        finally { CloseDir(dir); }
    }
}
