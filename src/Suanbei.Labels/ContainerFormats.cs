namespace Suanbei.Labels;

/// <summary>Every container Suanbei reads and writes, one entry per folder under Formats/.</summary>
public static class ContainerFormats
{
    public static IReadOnlyList<IContainerFormat> All { get; } =
    [
        new Formats.Png.PngFormat(),
        new Formats.Jpeg.JpegFormat(),
        new Formats.Webp.WebpFormat(),
        new Formats.Tiff.TiffFormat(),
        new Formats.Gif.GifFormat(),
        new Formats.Heif.HeifFormat(),
        new Formats.Pdf.PdfFormat(),
        new Formats.Ooxml.OoxmlFormat(),
        new Formats.Epub.EpubFormat(),
        new Formats.Ofd.OfdFormat(),
        // ISO BMFF: HEIF/AVIF (image brands) above must be asked before MP4.
        new Formats.Mp4.Mp4Format(),
        new Formats.Wav.WavFormat(),
        new Formats.Avi.AviFormat(),
        new Formats.Mp3.Mp3Format(),
        new Formats.Flac.FlacFormat(),
        new Formats.Mkv.MkvFormat(),
        new Formats.Ogg.OggFormat(),
        new Formats.Flv.FlvFormat(),
        // Containers without magic, matched by extension: keep last.
        new Formats.Svg.SvgFormat(),
        new Formats.Html.HtmlFormat(),
        new Formats.Markdown.MarkdownFormat(),
        new Formats.Text.TextFormat(),
    ];
}
