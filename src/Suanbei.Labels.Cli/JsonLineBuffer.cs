using System.Buffers;

namespace Suanbei.Labels.Cli;

/// <summary>
/// A growing byte buffer for verify's JSON lines, as <see cref="ArrayBufferWriter{T}"/> but with arrays the garbage
/// collector does not clear first: a folder run's per-thread buffers are sized for its lines (hundreds of KiB for
/// 1,000 files) and cleared they cost a page fault per 4 KiB before a byte is written, where only the pages written
/// are touched here (BENCHMARKS.md, label verify). Only the written part is ever read.
/// </summary>
internal sealed class JsonLineBuffer(int capacity) : IBufferWriter<byte>
{
    private byte[] _buffer = GC.AllocateUninitializedArray<byte>(Math.Max(capacity, 256));
    private int _written;

    public int WrittenCount => _written;

    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void ResetWrittenCount() => _written = 0;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var room = Room(sizeHint); // first: it may replace the array
        return _buffer.AsMemory(_written, room);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var room = Room(sizeHint);
        return _buffer.AsSpan(_written, room);
    }

    /// <summary>The free bytes after making room for at least <paramref name="sizeHint"/> (one when zero), doubling.</summary>
    private int Room(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < needed)
        {
            var grown = GC.AllocateUninitializedArray<byte>(Math.Max(checked(_written + needed), checked(_buffer.Length * 2)));
            WrittenSpan.CopyTo(grown);
            _buffer = grown;
        }
        return _buffer.Length - _written;
    }
}
