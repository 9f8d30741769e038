namespace Suanbei.Labels;

/// <summary>Every container Suanbei reads and writes, one entry per folder under Formats/.</summary>
public static class ContainerFormats
{
    public static IReadOnlyList<IContainerFormat> All { get; } =
    [
        // Formats are added here, one line each, as their folders land.
        new Formats.Mp4.Mp4Format(),
        new Formats.Wav.WavFormat(),
        new Formats.Avi.AviFormat(),
        new Formats.Mp3.Mp3Format(),
        new Formats.Flac.FlacFormat(),
        new Formats.Mkv.MkvFormat(),
        new Formats.Ogg.OggFormat(),
    ];
}
