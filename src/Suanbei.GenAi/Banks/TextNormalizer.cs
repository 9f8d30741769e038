using System.Text;

namespace Suanbei.GenAi.Banks;

/// <summary>
/// The form in which two items count as near duplicates: full-width forms folded to half width (NFKC), letters
/// lower-cased, all whitespace and the punctuation that differs only in width or spacing removed.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || c == '\u200b' || c == '\ufeff') continue;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Whitespace folded (NFKC, runs of spaces to one, trimmed): exact duplicates compare this form.</summary>
    public static string Trim(string text) => string.Join(' ',
        text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
