using System.Collections.Frozen;

namespace Suanbei.Core;

/// <summary>
/// The Chinese display name of any enum value shown to a person, read from Data/display-names.tsv: one vocabulary per
/// enum, keyed by the enum's type name, so every name is written once and edited in one place.
/// </summary>
public static class DisplayNames
{
    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Table = new(() =>
        EmbeddedData.ReadTsv("display-names.tsv")
            .GroupBy(r => r["enum"], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(r => r["member"], r => r["name"], StringComparer.Ordinal),
                StringComparer.Ordinal));

    /// <summary>The vocabularies (enum type names) and their member → name tables, for tests and documentation.</summary>
    public static IReadOnlyDictionary<string, FrozenDictionary<string, string>> Vocabularies => Table.Value;

    /// <summary>
    /// The name of <paramref name="value"/>. A combination of a [Flags] enum is its names joined with 、 (文本、图片).
    /// A value the data file does not name is shown as its C# name, which the display-name tests forbid for every value.
    /// </summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        if (!Table.Value.TryGetValue(typeof(TEnum).Name, out var names)) return value.ToString();
        var text = value.ToString();
        if (names.TryGetValue(text, out var name)) return name;
        // The empty combination of a [Flags] enum (no modality chosen) shows as nothing.
        if (Convert.ToUInt64(value) == 0 && typeof(TEnum).IsDefined(typeof(FlagsAttribute), false)) return "";
        // Enum.ToString writes a flags combination as "Text, Image".
        return text.Contains(',')
            ? string.Join("、", text.Split(", ").Select(part => names.GetValueOrDefault(part, part)))
            : text;
    }

    /// <summary>The value of <typeparamref name="TEnum"/> whose display name is <paramref name="name"/>; null when none is.</summary>
    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum
    {
        if (name is null || !Table.Value.TryGetValue(typeof(TEnum).Name, out var names)) return null;
        foreach (var (member, display) in names)
            if (display == name && Enum.TryParse<TEnum>(member, out var value)) return value;
        return null;
    }
}
