using System.Buffers.Binary;

namespace Suanbei.Cli.Tests;

/// <summary>The loadable segments (PT_LOAD program headers) of a 64-bit little-endian ELF executable: what the kernel
/// maps, as opposed to the file's length, which also counts alignment padding between segments.</summary>
public static class ElfSegments
{
    private static readonly byte[] Magic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    public sealed record Segment(ulong VirtualAddress, ulong FileSize, ulong MemorySize, ulong Alignment, bool Writable);

    public static List<Segment> LoadOf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 4).SequenceEqual(Magic), path + " is not an ELF file");
        var table = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x36));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x38));
        var segments = new List<Segment>();
        for (var i = 0; i < count; i++)
        {
            var h = bytes.AsSpan(table + i * entrySize, entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(h) != 1) continue; // PT_LOAD
            var writable = (BinaryPrimitives.ReadUInt32LittleEndian(h[4..]) & 2) != 0; // PF_W
            segments.Add(new Segment(U64(h, 0x10), U64(h, 0x20), U64(h, 0x28), U64(h, 0x30), writable));
        }
        return segments;
    }

    private static ulong U64(ReadOnlySpan<byte> header, int at) => BinaryPrimitives.ReadUInt64LittleEndian(header[at..]);

    /// <summary>Size of the section named <paramref name="name"/> (section headers and their string table), 0 when
    /// there is none.</summary>
    public static ulong SectionSize(string path, string name)
    {
        var bytes = File.ReadAllBytes(path);
        var table = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3a));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3c));
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3e));
        var names = (int)U64(bytes.AsSpan(table + namesIndex * entrySize, entrySize), 0x18);
        for (var i = 0; i < count; i++)
        {
            var h = bytes.AsSpan(table + i * entrySize, entrySize);
            var at = names + (int)BinaryPrimitives.ReadUInt32LittleEndian(h);
            var length = bytes.AsSpan(at).IndexOf((byte)0);
            if (System.Text.Encoding.ASCII.GetString(bytes, at, length) == name) return U64(h, 0x20);
        }
        return 0;
    }

    /// <summary>Bytes of the file the kernel maps.</summary>
    public static ulong MappedBytes(string path) => LoadOf(path).Aggregate(0UL, (sum, s) => sum + s.FileSize);
}
