using Suanbei.Labels.Formats.Mp4;

namespace Suanbei.Labels.Tests.Formats;

/// <summary>A parsed moov's leaves refer to the buffer it was read into until their payload is asked for.</summary>
public sealed class Mp4BoxTests
{
    // moov { trak { stco (2 bytes) }, mvhd (2 bytes) }
    private static readonly byte[] Moov =
    [
        0, 0, 0, 36, (byte)'m', (byte)'o', (byte)'o', (byte)'v',
        0, 0, 0, 18, (byte)'t', (byte)'r', (byte)'a', (byte)'k',
        0, 0, 0, 10, (byte)'s', (byte)'t', (byte)'c', (byte)'o', 1, 2,
        0, 0, 0, 10, (byte)'m', (byte)'v', (byte)'h', (byte)'d', 3, 4,
    ];

    [Fact]
    public void A_parsed_tree_writes_the_bytes_it_was_parsed_from()
    {
        var moov = Box.Parse("moov", Moov.AsMemory(8), 0);
        Assert.Equal(Moov, moov.ToBytes());
        var stream = new MemoryStream();
        moov.WriteTo(stream);
        Assert.Equal(Moov, stream.ToArray());
    }

    [Fact]
    public void Changing_a_leaf_payload_leaves_the_parsed_buffer_as_it_was()
    {
        var buffer = (byte[])Moov.Clone();
        var moov = Box.Parse("moov", buffer.AsMemory(8), 0);
        var stco = moov.Child("trak")!.Child("stco")!;
        stco.Payload![0] = 9;
        Assert.Equal(Moov, buffer);
        Assert.Equal(9, moov.ToBytes()[24]);
    }
}
