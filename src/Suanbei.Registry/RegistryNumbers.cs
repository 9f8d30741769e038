using System.Text;
using System.Text.RegularExpressions;

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

    [GeneratedRegex(@"^(?<prov>[A-Za-z]+)-(?<name>[A-Za-z0-9][A-Za-z0-9\-]*?)-(?<date>\d{8})(?:(?<seq>\d{4})|S(?<reg>\d{4}))?$")]
    private static partial Regex GenerativePattern();

    public static RegistryNumberScheme Classify(string normalised)
    {
        if (AlgorithmPattern().IsMatch(normalised)) return RegistryNumberScheme.Algorithm;
        var g = TryParseGenerative(normalised);
        if (g is null) return RegistryNumberScheme.Unknown;
        return g.IsRegistration ? RegistryNumberScheme.GenerativeAiRegistration : RegistryNumberScheme.GenerativeAiFiling;
    }

    public static GenerativeAiNumber? TryParseGenerative(string normalised)
    {
        var m = GenerativePattern().Match(normalised);
        if (!m.Success) return null;
        if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyyMMdd", out var date)) return null;
        int? seq = m.Groups["seq"].Success ? int.Parse(m.Groups["seq"].Value)
            : m.Groups["reg"].Success ? int.Parse(m.Groups["reg"].Value) : null;
        return new(m.Groups["prov"].Value, m.Groups["name"].Value, date, seq, m.Groups["reg"].Success);
    }

    /// <summary>The 21 digits of an algorithm number, or null.</summary>
    public static string? AlgorithmDigits(string normalised) =>
        AlgorithmPattern().IsMatch(normalised) ? normalised.Substring(4, 21) : null;
}
