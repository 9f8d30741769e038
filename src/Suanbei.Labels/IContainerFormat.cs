namespace Suanbei.Labels;

/// <summary>
/// One container format (one folder under Formats/). Implementations are stateless and thread-safe.
/// Readers never throw on malformed input (they return <see cref="ContainerReadResult.Damaged"/>), never allocate
/// in proportion to a length field they have not bounded, and never read the payload (pixels, samples) into memory.
/// Writers copy the payload through without decoding it and leave exactly one label in the output.
/// </summary>
public interface IContainerFormat
{
    /// <summary>Short lower-case name: "png", "jpeg", "mp4", …</summary>
    string Name { get; }

    /// <summary>File extensions (lower case, with dot) this format usually has.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>True when <paramref name="head"/> (the first up to 64 bytes) identifies this container.
    /// <paramref name="extension"/> (lower case, with dot, may be empty) is a tie-breaker for containers without magic
    /// (plain text, Markdown) or shared magic (ZIP-based OOXML).</summary>
    bool Matches(ReadOnlySpan<byte> head, string extension);

    /// <summary>Reads every AIGC label. <paramref name="input"/> is seekable and positioned at 0.</summary>
    ContainerReadResult Read(Stream input);

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/> with <paramref name="label"/> as the only label,
    /// in the placement the TC260 guide names first for this container.</summary>
    void Write(Stream input, Stream output, AigcLabel label);

    /// <summary>True when <see cref="WriteInPlace"/> can be attempted for this container.</summary>
    bool SupportsInPlace { get; }

    /// <summary>Patches the file without rewriting its payload. Throws <see cref="LabelWriteException"/> when this
    /// particular file cannot be patched in place (then the caller falls back to copy mode or reports it).</summary>
    void WriteInPlace(FileStream file, AigcLabel label);
}
