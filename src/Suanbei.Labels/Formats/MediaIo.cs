using System.Buffers;
using System.Buffers.Binary;

namespace Suanbei.Labels.Formats;

/// <summary>
/// Small bounded I/O helpers shared by the audio/video containers: exact reads that never allocate more than a
/// caller-given limit, and fixed-buffer range copies so memory stays flat whatever the file size.
/// </summary>
internal static class MediaIo
{
    /// <summary>Buffer used to stream payload through; 1 MiB keeps syscalls few and memory flat.</summary>
    public const int CopyBufferSize = 1 << 20;

    /// <summary>Largest metadata structure (moov, Tags, ID3 tag, comment packet …) we load into memory.</summary>
    public const int MaxMetadataBytes = 64 * 1024 * 1024;

    /// <summary>Reads exactly <paramref name="count"/> bytes at <paramref name="offset"/>, or null when the stream ends
    /// first or the count is beyond <paramref name="limit"/>. Never allocates more than the bounded count.</summary>
    public static byte[]? ReadAt(Stream s, long offset, long count, int limit = MaxMetadataBytes)
    {
        if (count < 0 || count > limit || offset < 0 || offset > s.Length || s.Length - offset < count) return null;
        var buffer = new byte[count];
        s.Position = offset;
        var read = 0;
        while (read < count)
        {
            var n = s.Read(buffer, read, (int)count - read);
            if (n <= 0) return null;
            read += n;
        }
        return buffer;
    }

    /// <summary>Fills <paramref name="into"/> from the current position; false when the stream ends first.</summary>
    public static bool TryReadExactly(Stream s, Span<byte> into)
    {
        var read = 0;
        while (read < into.Length)
        {
            var n = s.Read(into[read..]);
            if (n <= 0) return false;
            read += n;
        }
        return true;
    }

    /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> of the input to the output's
    /// current position with one pooled buffer.</summary>
    public static void CopyRange(Stream input, long offset, long count, Stream output)
    {
        if (count <= 0) return;
        if (KernelCopy.TryCopy(input, offset, count, output)) return;
        input.Position = offset;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            while (count > 0)
            {
                var n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n <= 0) throw new LabelWriteException($"文件在偏移 {input.Position} 处意外结束（file ended early）");
                output.Write(buffer, 0, n);
                count -= n;
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Copies from <paramref name="offset"/> to the end of the input.</summary>
    public static void CopyToEnd(Stream input, long offset, Stream output) => CopyRange(input, offset, input.Length - offset, output);

    public static void RequireSeekable(Stream input)
    {
        if (!input.CanSeek || !input.CanRead) throw new LabelWriteException("输入必须是可定位的文件流（input must be seekable）");
    }

    public static uint U32BE(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadUInt32BigEndian(b);
    public static uint U32LE(ReadOnlySpan<byte> b) => BinaryPrimitives.ReadUInt32LittleEndian(b);

    public static void WriteU32BE(Stream s, uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, v); s.Write(b); }
    public static void WriteU32LE(Stream s, uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); s.Write(b); }
    public static void WriteU64BE(Stream s, ulong v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteUInt64BigEndian(b, v); s.Write(b); }
}
