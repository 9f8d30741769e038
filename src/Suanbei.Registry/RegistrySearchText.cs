using System.Text;

namespace Suanbei.Registry;

/// <summary>Text normalisation shared by the stored search column and the query: width-folded, lower case, no spaces.</summary>
public static class RegistrySearchText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (!char.IsWhiteSpace(c) && c != '\u200B') sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    public static string For(RegistryEntry e) =>
        Normalise(string.Join("\u0001", new[] { e.Name, e.Entity, e.ProductsRaw, e.Purpose, e.Number }.Where(s => !string.IsNullOrEmpty(s)))
            + "\u0001" + string.Join("\u0001", e.Products.Select(p => p.Name).Distinct().Order(StringComparer.Ordinal)));
}
