namespace Suanbei.Labels.Formats.Io;

/// <summary>
/// The size limits of every container reader and writer, one constant each. Readers take untrusted length fields;
/// a length above its limit is damage (or "too large, not checked"), never an allocation of that size.
/// </summary>
internal static class IoLimits
{
    /// <summary>One metadata item loaded whole: a PNG/WebP/GIF chunk or block, a TIFF value, a JPEG segment run, a
    /// HEIF <c>meta</c> child, a top-level MP4 <c>uuid</c>/XMP box, a RIFF LIST/INFO, a PDF stream. Real ones are
    /// kilobytes (XMP, ICC profiles, thumbnails); 16 MiB leaves room for embedded previews.</summary>
    public const int MaxMetadataItem = 16 * 1024 * 1024;

    /// <summary>A whole metadata structure that must be edited in memory: an MP4 <c>moov</c> (its sample tables grow
    /// with duration: about 20 MiB for a two-hour film), Matroska Tags/SeekHead, an ID3v2 tag with cover art, a FLAC
    /// metadata area, Ogg header packets. Equal to the undo log's bound, so an in-place edit can always be undone.</summary>
    public const int MaxMetadataStructure = 64 * 1024 * 1024;

    /// <summary>Decompressed output of one zlib stream (PNG zTXt/iTXt, compressed XMP): text metadata, so 4 MiB
    /// is generous and caps a zip bomb.</summary>
    public const int MaxInflated = 4 * 1024 * 1024;

    /// <summary>Buffer of the user-space copy: 1 MiB keeps syscalls few and memory flat whatever the file size.</summary>
    public const int CopyBufferSize = 1 << 20;

    /// <summary>Below this, <c>copy_file_range</c> saves nothing over one buffered read and write.</summary>
    public const int KernelCopyMinimum = 1 << 20;
}
