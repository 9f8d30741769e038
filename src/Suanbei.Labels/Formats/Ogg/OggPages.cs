using System.Buffers.Binary;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Ogg;

/// <summary>An Ogg page header as found: offset, flags, granule, serial, sequence number, lacing values.</summary>
internal sealed record OggPage(long Offset, byte Flags, ulong Granule, uint Serial, uint Sequence, uint Crc, byte[] Lacing)
{
    public const int HeaderSize = 27;
    public int DataLength => Lacing.Sum(l => l);
    public long Length => HeaderSize + Lacing.Length + DataLength;
    public long DataOffset => Offset + HeaderSize + Lacing.Length;
    public long End => Offset + Length;
    public bool Bos => (Flags & 2) != 0;
}

/// <summary>Ogg page reading/writing with the Ogg CRC-32 (polynomial 0x04C11DB7, no reflection, initial value 0).</summary>
internal static class OggPages
{
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var t = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            t[i] = r;
        }
        return t;
    }

    public static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        return crc;
    }

    /// <summary>The page at <paramref name="offset"/>, or null with an error when it is not a valid page header.</summary>
    public static OggPage? ReadHeader(Stream s, long offset, out string? error)
    {
        error = null;
        Span<byte> h = stackalloc byte[OggPage.HeaderSize];
        s.Position = offset;
        if (!BoundedRead.TryReadExactly(s, h)) { error = $"偏移 {offset} 处 Ogg 页头被截断"; return null; }
        if (!h[..4].SequenceEqual("OggS"u8) || h[4] != 0) { error = $"偏移 {offset} 处不是 Ogg 页（lost sync）"; return null; }
        var lacing = new byte[h[26]];
        if (!BoundedRead.TryReadExactly(s, lacing)) { error = $"偏移 {offset} 处 Ogg 段表被截断"; return null; }
        var page = new OggPage(offset, h[5], BinaryPrimitives.ReadUInt64LittleEndian(h[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(h[14..]),
            BinaryPrimitives.ReadUInt32LittleEndian(h[18..]), BinaryPrimitives.ReadUInt32LittleEndian(h[22..]), lacing);
        if (page.End > s.Length) { error = $"偏移 {offset} 处 Ogg 页超出文件（truncated）"; return null; }
        return page;
    }

    /// <summary>Builds a complete page (CRC filled in).</summary>
    public static byte[] Build(byte flags, ulong granule, uint serial, uint sequence, ReadOnlySpan<byte> lacing, ReadOnlySpan<byte> data)
    {
        var page = new byte[OggPage.HeaderSize + lacing.Length + data.Length];
        "OggS"u8.CopyTo(page);
        page[5] = flags;
        BinaryPrimitives.WriteUInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), sequence);
        page[26] = (byte)lacing.Length;
        lacing.CopyTo(page.AsSpan(OggPage.HeaderSize));
        data.CopyTo(page.AsSpan(OggPage.HeaderSize + lacing.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), Crc(0, page));
        return page;
    }

    /// <summary>Lays <paramref name="packets"/> out on pages (≤ 255 lacing values each). Pages where no packet ends get
    /// granule −1, as the spec requires; the others get <paramref name="granule"/>.</summary>
    public static List<byte[]> Paginate(IReadOnlyList<byte[]> packets, uint serial, uint firstSequence, ulong granule)
    {
        var pages = new List<byte[]>();
        var lacing = new List<byte>();
        var data = new MemoryStream();
        var continued = false;
        var packetEnded = false;
        void Flush(bool nextContinues)
        {
            pages.Add(Build((byte)(continued ? 1 : 0), packetEnded ? granule : ulong.MaxValue, serial, firstSequence + (uint)pages.Count,
                lacing.ToArray(), data.ToArray()));
            lacing.Clear(); data.SetLength(0); continued = nextContinues; packetEnded = false;
        }
        foreach (var packet in packets)
        {
            var offset = 0;
            while (true)
            {
                var chunk = Math.Min(255, packet.Length - offset);
                lacing.Add((byte)chunk);
                data.Write(packet, offset, chunk);
                offset += chunk;
                var ends = chunk < 255;
                if (ends) packetEnded = true;
                if (lacing.Count == 255) Flush(nextContinues: !ends);
                if (ends) break;
            }
        }
        if (lacing.Count > 0) Flush(false);
        return pages;
    }

    /// <summary>Rewrites a page's sequence number and CRC while streaming it from input to output.</summary>
    public static void CopyRenumbered(Stream input, OggPage page, uint sequence, Stream output, byte[] buffer)
    {
        var length = (int)page.Length; // ≤ 65307
        input.Position = page.Offset;
        if (!BoundedRead.TryReadExactly(input, buffer.AsSpan(0, length))) throw new LabelWriteException($"偏移 {page.Offset} 处 Ogg 页被截断");
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(18), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(22), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(22), Crc(0, buffer.AsSpan(0, length)));
        output.Write(buffer, 0, length);
    }
}
