using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Suanbei.Labels.Cli;

namespace Suanbei.Labels.Quick;

/// <summary>
/// The launcher's freshness check, run by this program itself when ./suanbei's shell preamble started it with
/// <c>SUANBEI_LAUNCHER</c> set to the launcher's path (only for a Native AOT build, which the build marks with
/// <c>.self-check</c>). The rule is the one of the build's <c>.fresh</c> (see write_fresh in ./suanbei): the build in
/// this program's folder is fresh when its marker <c>.built</c> exists, no source file it lists (<c>.source-files</c>)
/// is newer than that marker, and every source folder it lists (<c>.source-dirs</c>) exists and is not newer than the
/// last full check (<c>.checked</c>, else the marker). A shell pays two <c>stat</c> calls and its own parsing per path;
/// here it is one <c>statx</c> per path, which is most of what the launcher costs per call (BENCHMARKS.md). A stale
/// build is handed back to the launcher through bash, which checks again (with <c>find</c>, under its lock), rebuilds
/// and starts the new build; the variable is removed first, so a build is never handed back twice.
/// </summary>
internal static unsafe class OwnBuildFreshness
{
    private const string Variable = "SUANBEI_LAUNCHER";
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxMtime = 0x40;
    private const int ModeOffset = 28, MtimeOffset = 112; // struct statx: stx_mode; stx_mtime { tv_sec, tv_nsec }
    private const int StatxSize = 256;

    /// <summary>Null to go on (not started by the launcher's preamble, or the build is fresh); otherwise the exit code
    /// after a failed hand-back (a successful one never returns).</summary>
    public static int? HandBackIfStale(string[] args)
    {
        var launcher = GetEnv(Variable);
        if (launcher == 0) return null;
        var launcherPath = Marshal.PtrToStringUTF8(launcher)!;
        UnsetEnv(Variable); // not inherited by the full program, nor by the launcher it may be handed back to
        if (IsFresh(AppContext.BaseDirectory)) return null;

        var argv = new nint[args.Length + 3]; // bash, the launcher, the arguments, and the terminating null
        argv[0] = Marshal.StringToCoTaskMemUTF8("bash");
        argv[1] = Marshal.StringToCoTaskMemUTF8(launcherPath);
        for (var i = 0; i < args.Length; i++) argv[i + 2] = Marshal.StringToCoTaskMemUTF8(args[i]);
        ExecVp(argv[0], argv);
        var reason = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        LabelActions.Error($"标识程序的构建已过期，但无法交回启动器 {launcherPath} 重新构建：{reason}");
        return LabelActions.UsageOrIoError;
    }

    /// <summary>Whether the build in <paramref name="folder"/> is fresh by the rule above.</summary>
    internal static bool IsFresh(string folder)
    {
        if (ModifiedAt(Path.Combine(folder, ".built")) is not { } built) return false;
        var since = ModifiedAt(Path.Combine(folder, ".checked")) ?? built;
        return Listed(Path.Combine(folder, ".source-files"), built, folders: false)
            && Listed(Path.Combine(folder, ".source-dirs"), since, folders: true);
    }

    /// <summary>False when the list cannot be read or one of its paths (one per line) breaks the rule.</summary>
    private static bool Listed(string list, long limit, bool folders)
    {
        byte[] paths;
        try
        {
            using var handle = File.OpenHandle(list);
            var length = RandomAccess.GetLength(handle);
            paths = new byte[length + 1]; // the last path's terminating NUL
            if (RandomAccess.Read(handle, paths.AsSpan(0, (int)length), 0) != length) return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }

        Span<byte> stat = stackalloc byte[StatxSize];
        fixed (byte* start = paths)
        fixed (byte* buffer = stat)
        {
            var end = paths.Length - 1;
            for (var from = 0; from < end;)
            {
                var to = paths.AsSpan(from, end - from).IndexOf((byte)'\n');
                to = to < 0 ? end : from + to;
                paths[to] = 0;
                if (to > from)
                {
                    var found = Statx(AtFdCwd, start + from, 0, StatxType | StatxMtime, buffer) == 0;
                    if (folders && (!found || (BinaryPrimitives.ReadUInt16LittleEndian(stat[ModeOffset..]) & 0xF000) != 0x4000))
                        return false; // a source folder is gone (or is no folder): files may have gone with it
                    if (found && MtimeOf(stat) > limit) return false; // `-nt`: a missing file is newer than nothing
                }
                from = to + 1;
            }
        }
        return true;
    }

    private static long? ModifiedAt(string path)
    {
        Span<byte> stat = stackalloc byte[StatxSize];
        fixed (byte* buffer = stat)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
            fixed (byte* p = bytes)
                return Statx(AtFdCwd, p, 0, StatxMtime, buffer) == 0 ? MtimeOf(stat) : null;
        }
    }

    /// <summary>Nanoseconds since the epoch: the shell's <c>-nt</c> compares at that resolution too.</summary>
    private static long MtimeOf(ReadOnlySpan<byte> stat) =>
        BinaryPrimitives.ReadInt64LittleEndian(stat[MtimeOffset..]) * 1_000_000_000
        + BinaryPrimitives.ReadUInt32LittleEndian(stat[(MtimeOffset + 8)..]);

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern nint GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "unsetenv")]
    private static extern int UnsetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", SetLastError = true, EntryPoint = "execvp")]
    private static extern int ExecVp(nint file, nint[] argv);
}
