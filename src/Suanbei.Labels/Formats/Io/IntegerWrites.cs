using System.Buffers.Binary;

namespace Suanbei.Labels.Formats.Io;

/// <summary>Fixed-size integer fields written to a stream (box, chunk and page headers).</summary>
internal static class IntegerWrites
{
    public static void WriteU32BE(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        s.Write(b);
    }

    public static void WriteU32LE(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        s.Write(b);
    }

    public static void WriteU64BE(Stream s, ulong v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, v);
        s.Write(b);
    }
}
