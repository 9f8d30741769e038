namespace Suanbei.Labels;

/// <summary>Thrown when a label cannot be written: unsupported variant, damaged input, in-place impossible.</summary>
public sealed class LabelWriteException(string message) : Exception(message);
