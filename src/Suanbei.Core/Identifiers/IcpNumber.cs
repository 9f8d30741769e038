namespace Suanbei.Core.Identifiers;

/// <summary>
/// ICP filing and licence numbers as MIIT prints them: <c>京ICP备12345678号-1</c>, <c>京ICP备12345678号</c>,
/// <c>京ICP证123456号</c>. The province abbreviations come from Data/regions.tsv (column icp). Filing serials have 5–10 digits
/// (8 traditionally, year + 6 digits since 2019); licence serials have 6. Surrounding whitespace is ignored; nothing else is.
/// </summary>
public static class IcpNumber
{
    public static bool IsValid(string? number) => Validate(number) is null;

    /// <summary>Null when valid; otherwise a Chinese message naming what is wrong.</summary>
    public static string? Validate(string? number) => Parse(number, out _);

    /// <summary>Parses an ICP number; returns null and the parsed number, or a Chinese problem and null.</summary>
    public static string? Parse(string? number, out IcpNumberInfo? info)
    {
        info = null;
        if (string.IsNullOrWhiteSpace(number)) return "ICP备案号不能为空";
        var text = number.Trim();

        var abbreviation = text[..1];
        var province = Regions.ProvinceByAbbreviation(abbreviation);
        if (province is null || !province.IssuesIcpNumbers)
            return $"ICP备案号应以省级简称开头（如“京”“沪”“粤”），“{abbreviation}”不是已知简称";

        var rest = text.AsSpan(1);
        IcpKind kind;
        if (rest.StartsWith("ICP备", StringComparison.Ordinal)) kind = IcpKind.Filing;
        else if (rest.StartsWith("ICP证", StringComparison.Ordinal)) kind = IcpKind.Licence;
        else return "ICP备案号的省级简称后应为“ICP备”或“ICP证”（字母ICP须为大写半角）";
        rest = rest[4..];

        var digitCount = rest.IndexOfAnyExceptInRange('0', '9');
        if (digitCount < 0) digitCount = rest.Length;
        var serial = rest[..digitCount].ToString();
        rest = rest[digitCount..];
        var (min, max) = kind == IcpKind.Filing ? (5, 10) : (6, 6);
        if (serial.Length < min || serial.Length > max)
            return kind == IcpKind.Filing
                ? $"ICP备案号“ICP备”后应为5–10位数字，实际为{serial.Length}位"
                : $"ICP许可证号“ICP证”后应为6位数字，实际为{serial.Length}位";
        if (!rest.StartsWith("号", StringComparison.Ordinal))
            return "ICP备案号的数字后应为“号”";
        rest = rest[1..];

        int? site = null;
        if (rest.Length > 0)
        {
            if (kind == IcpKind.Licence) return "ICP许可证号在“号”之后不应再有内容";
            if (rest[0] != '-') return "ICP备案号“号”之后只能是网站序号，如“-1”（半角连字符）";
            var siteDigits = rest[1..];
            if (siteDigits.Length is < 1 or > 4 || siteDigits.IndexOfAnyExceptInRange('0', '9') >= 0 || siteDigits[0] == '0')
                return "ICP备案号的网站序号应为“-”后跟1–4位不以0开头的数字";
            site = int.Parse(siteDigits);
        }
        info = new IcpNumberInfo(text, kind, province.Abbreviation, province.Name, serial, site);
        return null;
    }

    /// <summary>Province-level name (e.g. 北京市) of a valid ICP number; null when the number is not valid.</summary>
    public static string? ProvinceName(string? number) => Parse(number, out var info) is null ? info!.ProvinceName : null;
}
