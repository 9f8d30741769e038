namespace Suanbei.Labels;

/// <summary>
/// Which metadata key names carry the implicit label, decided once for every container, reading and writing.
/// GB 45438-2025 Annex E (reference §5) asks for "a metadata key containing AIGC" (包含 AIGC 的元数据键), so the
/// rule is <em>contains</em>, not <em>equals</em>: a reader accepts <c>AIGC</c>, <c>aigc</c>, <c>XMP_AIGC</c> or
/// <c>AIGC_Label</c> alike, and a writer, before adding its one <see cref="Name"/> key, removes every key the rule
/// accepts so that exactly one label remains. Case is ignored because several containers fold key case (Vorbis
/// comments are case-insensitive by specification; ffmpeg upper-cases some tag names).
/// Containers whose key is fixed by a schema rather than free-form are outside the rule: XMP's property is the
/// TC260 schema's <c>AIGC</c> in its namespace (<see cref="Xmp"/>), and a RIFF chunk id is four bytes, so there the
/// rule reduces to <c>AIGC</c> in any case.
/// </summary>
public static class AigcKey
{
    /// <summary>The key name Suanbei writes.</summary>
    public const string Name = "AIGC";

    /// <summary>True when <paramref name="key"/> names a label: it contains <see cref="Name"/>, case ignored.</summary>
    public static bool Matches(string? key) => key is not null && key.Contains(Name, StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="Matches"/> of a Latin-1 keyword as stored (PNG text chunks), without decoding it: no
    /// character above U+007F folds to an ASCII letter under ordinal case-insensitivity, so comparing the ASCII
    /// letters alone gives the same answer.</summary>
    internal static bool MatchesLatin1(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i + Name.Length <= key.Length; i++)
            if (System.Text.Ascii.EqualsIgnoreCase(key.Slice(i, Name.Length), Name)) return true;
        return false;
    }

    /// <summary>True when a free-text field (EXIF UserComment) carries a label: a JSON object mentioning AIGC
    /// (the TC260 <c>{"AIGC":{…}}</c> form), not prose that merely mentions the word.</summary>
    internal static bool IsLabelComment([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) =>
        text is not null && text.TrimStart().StartsWith('{') && text.Contains(Name, StringComparison.OrdinalIgnoreCase);
}
