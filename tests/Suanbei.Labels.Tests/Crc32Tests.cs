namespace Suanbei.Labels.Tests;

/// <summary>The table-driven CRC-32 against its definition (bit by bit) and the standard check value.</summary>
public class Crc32Tests
{
    private static uint BitByBit(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }

    [Fact]
    public void The_check_value_of_123456789_is_CBF43926() => Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void Every_length_and_every_split_gives_the_definition_s_value()
    {
        var random = new Random(45438);
        for (var length = 0; length <= 70; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var expected = BitByBit(data);
            Assert.Equal(expected, Crc32.Compute(data));
            for (var split = 0; split <= length; split += 3)
                Assert.Equal(expected, Crc32.Update(Crc32.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
        }
    }
}
