namespace Suanbei.Core.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation category (1),
/// registration region (6, GB/T 2260), organisation code (9, GB 11714 with its own check character), check character (1).
/// </summary>
public static class CreditCode
{
    /// <summary>The 31 characters of the code alphabet (no I, O, S, V, Z), in value order 0..30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Validates a credit code; <paramref name="error"/> says in Chinese what is wrong.</summary>
    public static bool IsValid(string? code, out string? error)
    {
        error = Validate(code);
        return error is null;
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>Returns null when valid, otherwise a Chinese message naming the problem.</summary>
    public static string? Validate(string? code) => Validate(code.AsSpan());

    /// <summary><see cref="Validate(string?)"/> of characters inside a longer text (a label's producer code), without
    /// a string of them.</summary>
    public static string? Validate(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty) return "统一社会信用代码不能为空";
        if (code.Length != 18) return $"统一社会信用代码应为18位，实际为{code.Length}位";
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"统一社会信用代码第{i + 1}位“{code[i]}”不是允许的字符（数字或除I、O、S、V、Z以外的大写字母）";
        for (var i = 2; i < 8; i++)
            if (!char.IsAsciiDigit(code[i])) return "统一社会信用代码第3–8位应为登记管理机关行政区划码（数字）";
        if (ExpectedCheckCharacter(code) != code[17])
            return $"统一社会信用代码校验位不符（第18位应为“{ExpectedCheckCharacter(code)}”）";
        var org = code.Slice(8, 9);
        if (!IsValidOrganisationCode(org))
            return "统一社会信用代码中嵌入的组织机构代码（第9–17位）校验不符";
        return null;
    }

    /// <summary>The GB 32100 check character over the first 17 characters.</summary>
    public static char ExpectedCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var c = 31 - sum % 31;
        return Alphabet[c == 31 ? 0 : c];
    }

    /// <summary>GB 11714 organisation code: 8 body characters (digits or capital letters) + a check character (0-9 or X).</summary>
    public static bool IsValidOrganisationCode(ReadOnlySpan<char> code)
    {
        if (code.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var ch = code[i];
            int v;
            if (char.IsAsciiDigit(ch)) v = ch - '0';
            else if (ch is >= 'A' and <= 'Z') v = ch - 'A' + 10;
            else return false;
            sum += v * OrganisationCodeWeights[i];
        }
        var c = 11 - sum % 11;
        var expected = c switch { 10 => 'X', 11 => '0', _ => (char)('0' + c) };
        return code[8] == expected;
    }

    /// <summary>Organisation category from the first two characters (registration authority + category).</summary>
    public static SubjectKind KindOf(string code) => code.Length < 2 ? SubjectKind.Unknown : code[..2] switch
    {
        "91" => SubjectKind.Enterprise,
        "92" => SubjectKind.IndividualBusiness,
        "93" => SubjectKind.FarmersCooperative,
        _ when code[0] == '9' => SubjectKind.OtherBusiness,
        _ => SubjectKind.NonBusiness,
    };
}
