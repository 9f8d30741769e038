namespace Suanbei.Labels.Formats.Avi;

/// <summary>AVI (RIFF/AVI ). Label in a LIST/INFO <c>AIGC</c> sub-chunk appended after movi/idx1 inside the first RIFF
/// (idx1 offsets are relative to movi, so nothing moves). When anything follows the first RIFF — OpenDML RIFF AVIX parts, their indx/ix##
/// indexes holding absolute offsets — the list is written into a JUNK chunk of the first RIFF so no byte moves; refused
/// when no JUNK chunk is large enough.</summary>
public sealed class AviFormat : IContainerFormat, IContentDigest
{
    private static readonly Riff.RiffLabels Labels = new("AVI ", "avi");

    public string Name => "avi";
    public IReadOnlyList<string> Extensions { get; } = [".avi"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head.Slice(8, 4).SequenceEqual("AVI "u8);

    public ContainerReadResult Read(Stream input) => Labels.Read(input);
    public void Write(Stream input, Stream output, AigcLabel label) => Labels.Write(input, output, label);
    public void WriteInPlace(FileStream file, AigcLabel label) => Labels.WriteInPlace(file, label);
    public void WriteContentForHash(Stream input, Stream output) => Labels.WriteContentForHash(input, output);
}
