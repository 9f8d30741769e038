namespace Suanbei.Labels.Formats.Wav;

/// <summary>WAV (RIFF/WAVE). Label in a LIST/INFO <c>AIGC</c> sub-chunk appended at the end (see <see cref="Riff.RiffLabels"/>);
/// a RIFF chunk <c>AIGC</c> is read too. RF64/BW64 (EBU Tech 3306 / ITU-R BS.2088): sizes come from the ds64 chunk,
/// and writing updates its 64-bit RIFF size.</summary>
public sealed class WavFormat : IContainerFormat, IContentDigest
{
    private static readonly Riff.RiffLabels Labels = new("WAVE", "wav");

    public string Name => "wav";
    public IReadOnlyList<string> Extensions { get; } = [".wav", ".wave", ".bwf"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.Length >= 12 && (head[..4].SequenceEqual("RIFF"u8) || head[..4].SequenceEqual("RF64"u8) || head[..4].SequenceEqual("BW64"u8))
        && head.Slice(8, 4).SequenceEqual("WAVE"u8);

    public ContainerReadResult Read(Stream input) => Labels.Read(input);
    public void Write(Stream input, Stream output, AigcLabel label) => Labels.Write(input, output, label);
    public void WriteInPlace(FileStream file, AigcLabel label) => Labels.WriteInPlace(file, label);
    public void WriteContentForHash(Stream input, Stream output) => Labels.WriteContentForHash(input, output);
}
