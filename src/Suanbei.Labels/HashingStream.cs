namespace Suanbei.Labels;

/// <summary>A write-only stream that hashes what is written, so that an <see cref="IContentDigest"/> can stream a
/// file's content bytes into a hash without memory growing with the file. Subclasses name the hash.</summary>
public abstract class HashingStream : Stream
{
    /// <summary>The hash of everything written so far; the stream then starts over.</summary>
    public abstract byte[] Finish();

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public sealed override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public sealed override bool CanRead => false;
    public sealed override bool CanSeek => false;
    public sealed override bool CanWrite => true;
    public sealed override long Length => throw new NotSupportedException();
    public sealed override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public sealed override void Flush() { }
    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public sealed override void SetLength(long value) => throw new NotSupportedException();
}
