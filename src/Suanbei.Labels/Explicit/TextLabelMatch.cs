namespace Suanbei.Labels.Explicit;

/// <summary>Where an explicit text label was found.</summary>
/// <param name="Where">start, end or middle.</param>
/// <param name="Index">Character index of the match.</param>
/// <param name="Phrase">The matched phrase.</param>
public sealed record TextLabelMatch(string Where, int Index, string Phrase);
