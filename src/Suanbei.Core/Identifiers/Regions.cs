namespace Suanbei.Core.Identifiers;

/// <summary>
/// GB/T 2260 administrative division codes. Only the province level (first two digits) is known here, from
/// Data/regions.tsv; county-level names are not shipped, so a 6-digit code is checked for form and province only.
/// </summary>
public static class Regions
{
    /// <summary>One province-level division: two-digit code, full name, one-character abbreviation, whether ICP numbers use it.</summary>
    public sealed record Province(string Code, string Name, string Abbreviation, bool IssuesIcpNumbers);

    private static readonly Lazy<IReadOnlyList<Province>> Data = new(() => EmbeddedData.ReadTsv("regions.tsv")
        .Select(r => new Province(r["code"], r["name"], r["abbreviation"], r["icp"] == "yes"))
        .ToList());

    /// <summary>All province-level divisions in code order.</summary>
    public static IReadOnlyList<Province> Provinces => Data.Value;

    public static Province? ProvinceByCode(string twoDigits) =>
        Data.Value.FirstOrDefault(p => p.Code == twoDigits);

    public static Province? ProvinceByAbbreviation(string abbreviation) =>
        Data.Value.FirstOrDefault(p => p.Abbreviation == abbreviation);

    /// <summary>Province-level name (e.g. 北京市) for a region code, from its first two digits; null when unknown.</summary>
    public static string? ProvinceName(string regionCode) =>
        regionCode is { Length: >= 2 } && char.IsAsciiDigit(regionCode[0]) && char.IsAsciiDigit(regionCode[1])
            ? ProvinceByCode(regionCode[..2])?.Name
            : null;

    /// <summary>Null when <paramref name="code6"/> is six digits under a known province; otherwise a Chinese message.</summary>
    public static string? Validate(string? code6)
    {
        if (string.IsNullOrEmpty(code6)) return "行政区划代码不能为空";
        if (code6.Length != 6 || !code6.All(char.IsAsciiDigit))
            return $"行政区划代码应为6位数字，实际为“{code6}”";
        if (ProvinceName(code6) is null)
            return $"行政区划代码“{code6}”的前两位“{code6[..2]}”不是已知的省级行政区划代码（GB/T 2260）";
        return null;
    }
}
