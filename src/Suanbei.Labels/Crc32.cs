using System.Buffers.Binary;

namespace Suanbei.Labels;

/// <summary>CRC-32 (ISO 3309 / PNG / ZIP polynomial 0xEDB88320), eight bytes per step ("slicing by 8"): every PNG
/// text chunk is checked on the verify path, and the byte-at-a-time loop was 6 % of a small PNG's verify.</summary>
internal static class Crc32
{
    /// <summary>Table k maps a byte to its CRC contribution k bytes further back; table 0 is the classic one.</summary>
    private static readonly uint[] Tables = BuildTables();

    private static uint[] BuildTables()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        for (var n = 0; n < 256; n++)
            for (var k = 1; k < 8; k++)
                t[k * 256 + n] = t[(k - 1) * 256 + n] >> 8 ^ t[t[(k - 1) * 256 + n] & 0xFF];
        return t;
    }

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Tables;
        var c = crc ^ 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            var lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            var hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + (lo >> 8 & 0xFF)] ^ t[5 * 256 + (lo >> 16 & 0xFF)] ^ t[4 * 256 + (lo >> 24)]
                ^ t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + (hi >> 8 & 0xFF)] ^ t[256 + (hi >> 16 & 0xFF)] ^ t[hi >> 24];
            data = data[8..];
        }
        foreach (var b in data) c = t[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    public static uint Compute(ReadOnlySpan<byte> data) => Update(0, data);
}
