using System.IO.Compression;

namespace Suanbei.Labels;

/// <summary>Small helpers for bounded reading of untrusted streams.</summary>
internal static class Bounded
{
    /// <summary>Largest metadata unit (chunk, segment, box, stream) a reader loads into memory.</summary>
    public const int MaxMetadataUnit = 16 * 1024 * 1024;

    /// <summary>Fills <paramref name="buffer"/>; false when the stream ends first.</summary>
    public static bool TryReadExactly(Stream s, Span<byte> buffer)
    {
        var n = 0;
        while (n < buffer.Length)
        {
            var r = s.Read(buffer[n..]);
            if (r == 0) return false;
            n += r;
        }
        return true;
    }

    /// <summary>Reads <paramref name="length"/> bytes when they are within the bound and present; null otherwise.</summary>
    public static byte[]? TryRead(Stream s, long length, int max = MaxMetadataUnit)
    {
        if (length < 0 || length > max) return null;
        if (s.CanSeek && s.Length - s.Position < length) return null;
        var buffer = new byte[length];
        return TryReadExactly(s, buffer) ? buffer : null;
    }

    /// <summary>zlib-inflates at most <paramref name="max"/> bytes; null when the data is bad or larger.</summary>
    public static byte[]? Inflate(ReadOnlySpan<byte> zlib, int max = 4 * 1024 * 1024)
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
        catch (IOException) { return null; } // zlib reports some corrupt streams as ZLibException (an IOException); no real I/O here
    }

    /// <summary>Copies exactly <paramref name="count"/> bytes; false when the input ends first.</summary>
    public static bool CopyExactly(Stream input, Stream output, long count, byte[]? buffer = null)
    {
        buffer ??= new byte[81920];
        while (count > 0)
        {
            var r = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (r == 0) return false;
            output.Write(buffer, 0, r);
            count -= r;
        }
        return true;
    }

    public static uint ReadUInt32BE(ReadOnlySpan<byte> b) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b);
    public static ushort ReadUInt16BE(ReadOnlySpan<byte> b) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(b);

    /// <summary>True when a free-text field (EXIF UserComment) carries a label: a JSON object mentioning AIGC
    /// (the TC260 <c>{"AIGC":{…}}</c> form), not prose that merely mentions the word.</summary>
    public static bool IsLabelComment([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) =>
        text is not null && text.TrimStart().StartsWith('{') && text.Contains("AIGC", StringComparison.OrdinalIgnoreCase);
}
