using System.Globalization;

namespace Suanbei.Core.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit address code (GB/T 2260), 8-digit birth date, 3-digit sequence, check character.
/// Check: Σ aᵢ·wᵢ over the first 17 digits with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11 indexes "10X98765432".
/// The birth date must exist, not lie in the future, and not be before 1850 (the standard's own example is born 1880).
/// Only the 18-character form is accepted (the 15-character form was replaced in 1999 and cannot be used for filing).
/// The check character must be an upper-case X, as printed on the card.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char ExpectedCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17Digits[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    public static bool IsValid(string? number) => Validate(number) is null;

    /// <summary>Null when valid; otherwise a Chinese message. The birth date must not be after today.</summary>
    public static string? Validate(string? number) => Validate(number, DateOnly.FromDateTime(DateTime.Today));

    /// <summary>Null when valid; otherwise a Chinese message. <paramref name="today"/> bounds the birth date.</summary>
    public static string? Validate(string? number, DateOnly today)
    {
        if (string.IsNullOrEmpty(number)) return "身份证号码不能为空";
        if (number.Length != 18) return $"身份证号码应为18位，实际为{number.Length}位";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(number[i])) return $"身份证号码第{i + 1}位“{number[i]}”应为数字";
        var last = number[17];
        if (last == 'x') return "身份证号码末位校验码应为大写“X”";
        if (!char.IsAsciiDigit(last) && last != 'X') return $"身份证号码第18位“{last}”应为数字或“X”";
        if (Regions.ProvinceName(number) is null)
            return $"身份证号码前两位“{number[..2]}”不是已知的省级行政区划代码";
        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return $"身份证号码第7–14位“{number.Substring(6, 8)}”不是有效的出生日期";
        if (birth.Year < 1850 || birth > today)
            return $"身份证号码中的出生日期{birth:yyyy-MM-dd}不合理";
        var expected = ExpectedCheckCharacter(number);
        if (expected != last) return $"身份证号码校验码不符（第18位应为“{expected}”）";
        return null;
    }
}
