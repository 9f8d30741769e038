namespace Suanbei.Labels.Formats.Io;

/// <summary>An ISO BMFF box header as found in the file: absolute offset, total size (header included), header length
/// and type.</summary>
/// <param name="ToEnd">The size field was 0 ("to the end of the file"), allowed for the last top-level box only.</param>
internal sealed record BoxHeader(long Offset, long Size, int HeaderSize, string Type, bool ToEnd = false)
{
    public long End => Offset + Size;
    public long PayloadOffset => Offset + HeaderSize;
    public long PayloadSize => Size - HeaderSize;
}
