using System.IO.Compression;

namespace Suanbei.Labels.Formats.Io;

/// <summary>Bounded reads of untrusted streams: exact reads that never allocate more than a caller-given limit (and
/// never more than the bytes present), and bounded inflation. One family for every container.</summary>
internal static class BoundedRead
{
    /// <summary>Fills <paramref name="buffer"/> from the current position; false when the stream ends first.</summary>
    public static bool TryReadExactly(Stream s, Span<byte> buffer)
    {
        var n = 0;
        while (n < buffer.Length)
        {
            var r = s.Read(buffer[n..]);
            if (r <= 0) return false;
            n += r;
        }
        return true;
    }

    /// <summary>Reads <paramref name="length"/> bytes from the current position when they are within the bound and
    /// present; null otherwise.</summary>
    public static byte[]? TryRead(Stream s, long length, int max = IoLimits.MaxMetadataItem)
    {
        if (length < 0 || length > max) return null;
        if (s.CanSeek && s.Length - s.Position < length) return null;
        var buffer = new byte[length];
        return TryReadExactly(s, buffer) ? buffer : null;
    }

    /// <summary><see cref="TryRead"/> without a copy where the stream is memory whose buffer it exposes (the verify
    /// path reads small files into one such buffer): the bytes are then a view of that buffer, valid while it is. A
    /// default segment (null array) where <see cref="TryRead"/> gives null.</summary>
    public static ArraySegment<byte> TryReadSegment(Stream s, long length, int max = IoLimits.MaxMetadataItem)
    {
        if (s is not MemoryStream memory || !memory.TryGetBuffer(out var buffer))
            return TryRead(s, length, max) is { } copy ? new ArraySegment<byte>(copy) : default;
        if (length < 0 || length > max || memory.Length - memory.Position < length) return default;
        var view = buffer.Slice((int)memory.Position, (int)length);
        memory.Position += length;
        return view;
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes at <paramref name="offset"/>, or null when the stream ends
    /// first or the count is beyond <paramref name="limit"/>.</summary>
    public static byte[]? ReadAt(Stream s, long offset, long count, int limit = IoLimits.MaxMetadataStructure)
    {
        if (count < 0 || count > limit || offset < 0 || offset > s.Length || s.Length - offset < count) return null;
        s.Position = offset;
        return TryRead(s, count, limit);
    }

    /// <summary>zlib-inflates at most <paramref name="max"/> bytes; null when the data is bad or larger.</summary>
    public static byte[]? Inflate(ReadOnlySpan<byte> zlib, int max = IoLimits.MaxInflated)
    {
        try
        {
            using var input = new MemoryStream(zlib.ToArray());
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16384];
            int r;
            while ((r = z.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + r > max) return null;
                output.Write(buffer, 0, r);
            }
            return output.ToArray();
        }
        catch (InvalidDataException) { return null; }
        // zlib reports some corrupt streams as ZLibException (an IOException); there is no real I/O here
        catch (IOException) { return null; }
    }

    public static void RequireSeekable(Stream input)
    {
        if (!input.CanSeek || !input.CanRead) throw new LabelWriteException("输入必须是可定位的文件流（input must be seekable）");
    }
}
