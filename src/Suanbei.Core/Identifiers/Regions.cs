namespace Suanbei.Core.Identifiers;

/// <summary>
/// GB/T 2260 administrative division codes. Only the province level (first two digits) is known here, from
/// Data/regions.tsv; county-level names are not shipped, so a 6-digit code is checked for form and province only.
/// </summary>
public static class Regions
{
    /// <summary>One province-level division: two-digit code, full name, one-character abbreviation, whether ICP numbers
    /// use it, and its pinyin as generative-AI filing numbers write it.</summary>
    public sealed record Province(string Code, string Name, string Abbreviation, bool IssuesIcpNumbers, string Pinyin)
    {
        /// <summary>The name without 省/市/自治区 suffixes (北京, 内蒙古), as lists often write it.</summary>
        public string ShortName => Name.EndsWith("特别行政区") ? Name[..^5]
            : Name.EndsWith("自治区") ? Name.Replace("壮族", "").Replace("回族", "").Replace("维吾尔", "")[..^3]
            : Name.TrimEnd('省', '市');
    }

    private static readonly Lazy<IReadOnlyList<Province>> Data = new(() => EmbeddedData.ReadTsv("regions.tsv")
        .Select(r => new Province(r["code"], r["name"], r["abbreviation"], r["icp"] == "yes", r["pinyin"]))
        .ToList());

    /// <summary>All province-level divisions in code order.</summary>
    public static IReadOnlyList<Province> Provinces => Data.Value;

    public static Province? ProvinceByCode(string twoDigits) =>
        Data.Value.FirstOrDefault(p => p.Code == twoDigits);

    public static Province? ProvinceByAbbreviation(string abbreviation) =>
        Data.Value.FirstOrDefault(p => p.Abbreviation == abbreviation);

    /// <summary>The province a generative-AI number names in pinyin (Beijing, ZheJiang, ChongQing), ignoring case.</summary>
    public static Province? ProvinceByPinyin(string pinyin) =>
        Data.Value.FirstOrDefault(p => string.Equals(p.Pinyin, pinyin, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The province a person means by any of the usual forms: full or short name (北京市, 北京, 内蒙古), abbreviation (京),
    /// two-digit province code (11), six-digit region code (110000, 110108) or pinyin (Beijing). Null when none matches.
    /// </summary>
    public static Province? Resolve(string? input)
    {
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (s.All(char.IsAsciiDigit)) return s.Length is 2 or 6 ? ProvinceByCode(s[..2]) : null;
        return Data.Value.FirstOrDefault(p => p.Name == s || p.ShortName == s || p.Abbreviation == s)
               ?? ProvinceByPinyin(s);
    }

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
