using System.Text;
using System.Text.RegularExpressions;
using Suanbei.Core.Identifiers;

namespace Suanbei.Registry;

/// <summary>Normalises and classifies the numbers found in the published lists.</summary>
public static partial class RegistryNumbers
{
    /// <summary>Trims, removes inner whitespace and turns full-width letters/digits/hyphens into ASCII.</summary>
    public static string Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        foreach (var ch in raw)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF') continue;
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch; // full-width ASCII block
            if (c is '－' or '—' or '–') c = '-';
            sb.Append(c);
        }
        var s = sb.ToString();
        // A bare 21-digit number is the algorithm number without its 网信算备…号 wrapper.
        if (s.Length == 21 && s.All(char.IsAsciiDigit)) s = "网信算备" + s + "号";
        return s;
    }

    [GeneratedRegex(@"^网信算备\d{21}号$")]
    private static partial Regex AlgorithmPattern();

    public static RegistryNumberScheme Classify(string normalised)
    {
        if (AlgorithmPattern().IsMatch(normalised)) return RegistryNumberScheme.Algorithm;
        return TryParseGenerative(normalised)?.Kind switch
        {
            GenerativeAiNumberKind.Filing => RegistryNumberScheme.GenerativeAiFiling,
            GenerativeAiNumberKind.Registration => RegistryNumberScheme.GenerativeAiRegistration,
            _ => RegistryNumberScheme.Unknown,
        };
    }

    /// <summary>A generative-AI number decoded by Core's <see cref="GenerativeAiNumber"/> (the rule the CLI's
    /// <c>number</c> command also applies), or null when it is not a valid one.</summary>
    public static GenerativeAiNumberInfo? TryParseGenerative(string normalised) =>
        GenerativeAiNumber.Decode(normalised) is { Valid: true } info ? info : null;

    /// <summary>The 21 digits of an algorithm number, or null.</summary>
    public static string? AlgorithmDigits(string normalised) =>
        AlgorithmPattern().IsMatch(normalised) ? normalised.Substring(4, 21) : null;
}
