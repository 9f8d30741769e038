using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Suanbei.Labels.Formats.Io;

/// <summary>
/// File-to-file range copies with Linux <c>copy_file_range(2)</c>: the kernel moves the payload (or shares extents on
/// filesystems that can), so copy mode runs at the speed of <c>cp</c>, which uses the same call. Any failure
/// (another OS, not regular files, cross-filesystem on old kernels) falls back to the buffered copy before a byte is
/// written by this path.
/// </summary>
internal static partial class KernelCopy
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    [DllImport("libc", SetLastError = true, EntryPoint = "copy_file_range")]
    private static extern nint CopyFileRange(
        SafeFileHandle fdIn, ref long offIn, SafeFileHandle fdOut, ref long offOut, nuint len, uint flags);

    public static bool TryCopy(Stream input, long offset, long count, Stream output)
    {
        if (_unavailable || count < IoLimits.KernelCopyMinimum) return false;
        if (input is not FileStream fin || output is not FileStream fout || !fout.CanSeek) return false;
        fout.Flush(); // bytes buffered in the FileStream go first
        long inOffset = offset, outOffset = fout.Position, start = fout.Position;
        try
        {
            while (count > 0)
            {
                var chunk = (nuint)Math.Min(count, 1L << 30);
                var n = CopyFileRange(fin.SafeFileHandle, ref inOffset, fout.SafeFileHandle, ref outOffset, chunk, 0);
                if (n <= 0)
                {
                    if (outOffset == start) { _unavailable = n < 0 && Marshal.GetLastPInvokeError() is 38 /* ENOSYS */; return false; }
                    throw new LabelWriteException($"复制在偏移 {inOffset} 处失败（copy_file_range errno {Marshal.GetLastPInvokeError()}）");
                }
                count -= n;
            }
        }
        catch (EntryPointNotFoundException) { _unavailable = true; return false; }
        catch (DllNotFoundException) { _unavailable = true; return false; }
        fout.Position = outOffset;
        fin.Position = inOffset;
        return true;
    }
}
