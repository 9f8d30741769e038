namespace Suanbei.Labels;

/// <summary>
/// The file stream an in-place write patches through. Before each write it saves the bytes about to be overwritten
/// (bytes past the original end need nothing: restoring truncates), so a write whose label cannot be read back can be
/// undone. In-place writes touch metadata only, so the log stays small; beyond <see cref="MaxLoggedBytes"/> the write
/// is refused before anything is changed by that call.
/// </summary>
internal sealed class UndoLogFileStream(string path)
    : FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16)
{
    public const int MaxLoggedBytes = 64 * 1024 * 1024;

    private readonly long _originalLength = new FileInfo(path).Length;
    private readonly List<(long Offset, ReadOnlyMemory<byte> Old)> _log = [];
    private long _logged;
    private long _knownAt;
    private ReadOnlyMemory<byte> _known;

    /// <summary>Tells the log that <paramref name="bytes"/> are what the file holds at <paramref name="offset"/> (the
    /// caller has just read them and will not change the array), so a write over them logs a slice of them rather than
    /// reading them again: an MP4's whole moov is rewritten in place. A write that continues from the start of what is
    /// remembered moves the start past it; any other write into the range ends the claim.</summary>
    internal void Remember(long offset, ReadOnlyMemory<byte> bytes)
    {
        _knownAt = offset;
        _known = bytes;
    }

    // Every write funnels into this overload: FileStream's span and byte overloads, in a derived type, end up here
    // (calling base.Write(span) from an override would come back through it and log twice).
    public override void Write(byte[] buffer, int offset, int count)
    {
        Save(Position, count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var copy = buffer.ToArray();
        Write(copy, 0, copy.Length);
    }

    public override void WriteByte(byte value) => Write([value], 0, 1);

    public override void SetLength(long value)
    {
        if (value < Length) Save(value, Length - value); // shrinking loses bytes
        base.SetLength(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("in-place writes are synchronous");

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("in-place writes are synchronous");

    private void Save(long at, long count)
    {
        var end = Math.Min(at + count, _originalLength);
        var known = Forget(at, count);
        if (end <= at) return;
        var length = end - at;
        if (_logged + length > MaxLoggedBytes)
            throw new LabelWriteException("原地写入需改动的字节过多，无法保证失败时可恢复；请用 -o 写入新文件");
        if (known.Length >= length)
        {
            _log.Add((at, known[..(int)length]));
            _logged += length;
            return;
        }
        var old = new byte[length];
        var position = Position;
        // Reading the handle directly: buffered writes are flushed first by SafeFileHandle's getter.
        var handle = SafeFileHandle;
        var n = 0;
        while (n < old.Length)
        {
            var r = RandomAccess.Read(handle, old.AsSpan(n), at + n);
            if (r == 0) break;
            n += r;
        }
        Position = position;
        _log.Add((at, n == old.Length ? old : old[..n]));
        _logged += length;
    }

    /// <summary>Before <paramref name="count"/> bytes at <paramref name="at"/> change: the remembered bytes from
    /// <paramref name="at"/> on when the change starts where they start (empty otherwise), and the claim updated as
    /// <see cref="Remember"/> says.</summary>
    private ReadOnlyMemory<byte> Forget(long at, long count)
    {
        var knownEnd = _knownAt + _known.Length;
        if (_known.IsEmpty || at + count <= _knownAt || at >= knownEnd) return default;
        var found = at == _knownAt ? _known : default;
        if (at == _knownAt && at + count < knownEnd)
        {
            _known = _known[(int)count..];
            _knownAt = at + count;
        }
        else _known = default;
        return found;
    }

    /// <summary>Puts every saved byte back (latest write first) and the original length.</summary>
    public void Restore()
    {
        Flush();
        var handle = SafeFileHandle;
        for (var i = _log.Count - 1; i >= 0; i--) RandomAccess.Write(handle, _log[i].Old.Span, _log[i].Offset);
        base.SetLength(_originalLength);
        Flush(flushToDisk: true);
    }
}
