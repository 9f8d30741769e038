namespace Suanbei.Core.Registry;

/// <summary>
/// Known slips in the published lists (Data/registry-normalisations.tsv): a truncated role, a one-off category, 国资委 in the
/// 属地 column, misspelt pinyin. Statistics count the corrected value; entry pages show both.
/// </summary>
public static class SourceNormalisations
{
    public sealed record Normalisation(string Field, string Raw, string Value, string Why);

    private static readonly Lazy<IReadOnlyList<Normalisation>> Data = new(() => EmbeddedData.ReadTsv("registry-normalisations.tsv")
        .Select(r => new Normalisation(r["field"], r["raw"], r["value"], r["why"])).ToList());

    public static IReadOnlyList<Normalisation> All => Data.Value;

    /// <summary>The correction of <paramref name="raw"/> in <paramref name="field"/> (role, category, province, pinyin), or null.</summary>
    public static Normalisation? Find(string field, string? raw) =>
        raw is null ? null : Data.Value.FirstOrDefault(n => n.Field == field && n.Raw == raw.Trim());

    /// <summary>The value to count: the correction when one is known, else the value as published.</summary>
    public static string? Normalise(string field, string? raw) => Find(field, raw)?.Value ?? raw;
}
