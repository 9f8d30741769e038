using System.Buffers;
using System.Text.Json;
using Suanbei.Labels.Cli;

namespace Suanbei.Labels.Tests;

/// <summary>The verify programs' uninitialised line buffer holds exactly what an <see cref="ArrayBufferWriter{T}"/>
/// would, through growth, resets and the JSON writer's own requests.</summary>
public class JsonLineBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Writes_of_any_size_read_back_as_an_array_buffer_writer_holds_them(int seed)
    {
        var random = new Random(seed);
        var buffer = new JsonLineBuffer(random.Next(0, 600));
        var expected = new ArrayBufferWriter<byte>(1);
        for (var round = 0; round < 300; round++)
        {
            if (random.Next(25) == 0) { buffer.ResetWrittenCount(); expected.ResetWrittenCount(); }
            var piece = new byte[random.Next(0, 900)];
            random.NextBytes(piece);
            switch (random.Next(3))
            {
                case 0: buffer.Write(piece); break; // GetSpan(hint) and Advance, growing as needed
                case 1:
                    var memory = buffer.GetMemory(piece.Length);
                    Assert.True(memory.Length >= piece.Length);
                    piece.CopyTo(memory);
                    buffer.Advance(piece.Length);
                    break;
                default:
                    // The JSON writer asks for room itself and writes into what it was given.
                    var text = Convert.ToBase64String(piece);
                    using (var w = new Utf8JsonWriter(buffer)) w.WriteStringValue(text);
                    piece = JsonSerializer.SerializeToUtf8Bytes(text);
                    break;
            }
            expected.Write(piece);
            Assert.Equal(expected.WrittenCount, buffer.WrittenCount);
            Assert.True(buffer.WrittenSpan.SequenceEqual(expected.WrittenSpan), $"round {round}");
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(buffer.Capacity - buffer.WrittenCount + 1));
    }
}
