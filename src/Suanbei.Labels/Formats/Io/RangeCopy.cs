using System.Buffers;

namespace Suanbei.Labels.Formats.Io;

/// <summary>
/// The one copy routine of every container's writer: byte ranges go through the kernel (<see cref="KernelCopy"/>,
/// <c>copy_file_range</c>) when both ends are files and the range is large, else through one pooled buffer, so
/// memory stays flat whatever the file size.
/// </summary>
internal static class RangeCopy
{
    /// <summary>Copies exactly <paramref name="count"/> bytes from the input's current position to the output's;
    /// false when the input ends first (a seekable input is checked before anything is written).</summary>
    public static bool CopyExactly(Stream input, Stream output, long count)
    {
        if (count <= 0) return count == 0;
        if (input.CanSeek)
        {
            if (input.Length - input.Position < count) return false;
            if (KernelCopy.TryCopy(input, input.Position, count, output)) return true;
        }
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(IoLimits.CopyBufferSize, count));
        try
        {
            while (count > 0)
            {
                var n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n <= 0) return false;
                output.Write(buffer, 0, n);
                count -= n;
            }
            return true;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> of the input to the output's
    /// current position; throws when the input ends first.</summary>
    public static void CopyRange(Stream input, long offset, long count, Stream output)
    {
        if (count <= 0) return;
        input.Position = offset;
        if (!CopyExactly(input, output, count))
            throw new LabelWriteException($"文件在偏移 {offset} 之后意外结束（file ended early）");
    }

    /// <summary>Copies from <paramref name="offset"/> to the end of the input.</summary>
    public static void CopyToEnd(Stream input, long offset, Stream output) => CopyRange(input, offset, input.Length - offset, output);
}
