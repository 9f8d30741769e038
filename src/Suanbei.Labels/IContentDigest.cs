namespace Suanbei.Labels;

/// <summary>
/// Optional capability of a container format: the bytes a signature in ReservedCode1 covers. They are the file's
/// bytes with every label-carrying unit left out (see docs in <c>Signing</c>), so writing or replacing the label
/// does not change them. Formats without this capability cannot be signed.
/// </summary>
public interface IContentDigest
{
    /// <summary>Writes the content with the label excluded to <paramref name="output"/>; throws
    /// <see cref="LabelWriteException"/> when the container is damaged.</summary>
    void WriteContentForHash(Stream input, Stream output);
}
