using System.Text;
using System.Text.RegularExpressions;

namespace Suanbei.Core.Identifiers;

/// <summary>
/// 算法备案编号 (reference §4): <c>网信算备</c> + 21 digits + <c>号</c> — region (6), entity (7), type code (2), year (2),
/// sequence (3), check digit (1). The check digit rule, (1 + Σ wᵢ·dᵢ) mod 10 with weights 4,2,6,8 repeating, was derived from
/// the published numbers and is not officially documented: a mismatch is reported as not matching the published pattern,
/// never as a forgery.
/// <para>Input normalisation (decided here, once): surrounding whitespace (including the ideographic space U+3000) is ignored
/// and full-width digits ０–９ are read as ASCII digits, because both occur when numbers are copied from documents and web
/// pages. <see cref="FilingNumberInfo.Number"/> is the normalised form. Anything else inside the number is a problem.</para>
/// </summary>
public static partial class FilingNumber
{
    public const string Prefix = "网信算备";
    public const string Suffix = "号";
    public const int DigitCount = 21;

    /// <summary>Chinese wording of a check-digit mismatch (English: "check digit does not match the published pattern").</summary>
    public const string CheckDigitMismatch = "校验位与已公布编号的规律不符";

    /// <summary>First year of the regime (《互联网信息服务算法推荐管理规定》 in force 2022-03-01); earlier years cannot occur.</summary>
    public const int FirstYear = 2022;

    private static readonly int[] Weights = [4, 2, 6, 8];

    /// <summary>Type codes of digits 14–15 and their names as used in the numbers (04 检索类 and 05 过滤类 are one Art. 2 type).</summary>
    public static IReadOnlyDictionary<string, string> TypeCodes { get; } = new Dictionary<string, string>
    {
        ["01"] = "生成合成类",
        ["02"] = "个性化推送类",
        ["03"] = "排序精选类",
        ["04"] = "检索类",
        ["05"] = "过滤类", // a few 2022 调度决策类 entries also carry 05
        ["06"] = "调度决策类",
    };

    /// <summary>Check digit over the first 20 digits: (1 + Σ wᵢ·dᵢ) mod 10, weights 4,2,6,8 repeating.</summary>
    public static int CheckDigit(ReadOnlySpan<char> first20Digits)
    {
        if (first20Digits.Length < 20) throw new ArgumentException("需要前20位数字", nameof(first20Digits));
        var sum = 1;
        for (var i = 0; i < 20; i++)
        {
            var c = first20Digits[i];
            if (!char.IsAsciiDigit(c)) throw new ArgumentException($"第{i + 1}位“{c}”不是数字", nameof(first20Digits));
            sum += Weights[i % 4] * (c - '0');
        }
        return sum % 10;
    }

    /// <summary>Normalises surrounding whitespace and full-width digits (see the class remarks).</summary>
    public static string Normalise(string? text)
    {
        if (text is null) return "";
        var trimmed = text.Trim();
        var sb = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed) sb.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c);
        return sb.ToString();
    }

    /// <summary>Decodes a filing number; never throws. Problems are Chinese sentences naming what is wrong.</summary>
    public static FilingNumberInfo Decode(string? text)
    {
        var number = Normalise(text);
        var problems = new List<string>();
        if (number.Length == 0)
            return new FilingNumberInfo(number, null, null, null, null, null, null, null, null, false, false, ["备案编号不能为空"]);

        var structural = false;
        var body = number.AsSpan();
        if (body.StartsWith(Prefix, StringComparison.Ordinal)) body = body[Prefix.Length..];
        else { problems.Add($"备案编号应以“{Prefix}”开头"); structural = true; StripUpToFirstDigit(ref body); }
        if (body.EndsWith(Suffix, StringComparison.Ordinal)) body = body[..^Suffix.Length];
        else { problems.Add($"备案编号应以“{Suffix}”结尾"); structural = true; }

        var bad = body.IndexOfAnyExceptInRange('0', '9');
        if (bad >= 0)
        {
            problems.Add($"备案编号的数字部分第{bad + 1}位“{body[bad]}”不是数字");
            return new FilingNumberInfo(number, null, null, null, null, null, null, null, null, false, false, problems);
        }
        if (body.Length != DigitCount)
        {
            problems.Add($"备案编号应含{DigitCount}位数字，实际为{body.Length}位");
            return new FilingNumberInfo(number, null, null, null, null, null, null, null, null, false, false, problems);
        }

        var digits = body.ToString();
        var region = digits[..6];
        var entity = digits[6..13];
        var typeCode = digits[13..15];
        var year = 2000 + int.Parse(digits[15..17]);
        var sequence = int.Parse(digits[17..20]);
        var checkDigit = digits[20] - '0';
        var province = Regions.ProvinceName(region);
        TypeCodes.TryGetValue(typeCode, out var typeName);

        if (province is null) { problems.Add($"前6位行政区划代码“{region}”的省级代码“{region[..2]}”不是已知代码（GB/T 2260）"); structural = true; }
        if (typeName is null) { problems.Add($"第14–15位算法类型代码“{typeCode}”不是已知代码（01–06）"); structural = true; }
        if (year < FirstYear) { problems.Add($"第16–17位年份“{digits[15..17]}”早于算法备案制度施行的{FirstYear}年"); structural = true; }
        if (sequence == 0) { problems.Add("第18–20位序号不能为000"); structural = true; }

        var expected = CheckDigit(digits);
        var matches = expected == checkDigit;
        if (!matches) problems.Add($"{CheckDigitMismatch}（按规律第21位应为{expected}，实际为{checkDigit}）");

        return new FilingNumberInfo(number, region, province, entity, typeCode, typeName, year, sequence, checkDigit,
            !structural, matches, problems);
    }

    /// <summary>True when the number is well-formed and its check digit matches the published pattern.</summary>
    public static bool IsValid(string? text) => Decode(text).Valid;

    /// <summary>Null when valid, otherwise the problems joined in one Chinese message.</summary>
    public static string? Validate(string? text)
    {
        var info = Decode(text);
        return info.Valid ? null : string.Join("；", info.Problems);
    }

    /// <summary>Builds a number from its parts and appends the check digit. <paramref name="year"/> is four-digit (2022–2099).</summary>
    /// <exception cref="ArgumentException">a part is malformed; the message is Chinese and names the part.</exception>
    public static string Compose(string region6, string entity7, string typeCode2, int year, int sequence)
    {
        if (Regions.Validate(region6) is { } regionError) throw new ArgumentException(regionError, nameof(region6));
        if (entity7 is null || entity7.Length != 7 || !entity7.All(char.IsAsciiDigit))
            throw new ArgumentException($"主体代码应为7位数字，实际为“{entity7}”", nameof(entity7));
        if (typeCode2 is null || !TypeCodes.ContainsKey(typeCode2))
            throw new ArgumentException($"算法类型代码“{typeCode2}”不是已知代码（01–06）", nameof(typeCode2));
        if (year < FirstYear || year > 2099)
            throw new ArgumentException($"年份应在{FirstYear}–2099之间，实际为{year}", nameof(year));
        if (sequence < 1 || sequence > 999)
            throw new ArgumentException($"序号应在1–999之间，实际为{sequence}", nameof(sequence));
        var first20 = $"{region6}{entity7}{typeCode2}{year % 100:D2}{sequence:D3}";
        return $"{Prefix}{first20}{CheckDigit(first20)}{Suffix}";
    }

    /// <summary>
    /// Filing numbers found in free text (published lists, notices, web pages), normalised, in order of appearance.
    /// Candidates are <c>网信算备</c> + 21 digits (ASCII or full-width, spaces allowed around them) + <c>号</c>; decode each to check it.
    /// </summary>
    public static IEnumerable<string> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        foreach (Match m in CandidatePattern().Matches(text))
            yield return Prefix + Normalise(m.Groups[1].Value) + Suffix;
    }

    [GeneratedRegex(@"网信算备\s*([0-9０-９]{21})\s*号", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CandidatePattern();

    // Without the prefix, skip leading non-digits (e.g. a misspelt prefix) so the digits can still be examined.
    private static void StripUpToFirstDigit(ref ReadOnlySpan<char> body)
    {
        var first = body.IndexOfAnyInRange('0', '9');
        body = first < 0 ? ReadOnlySpan<char>.Empty : body[first..];
    }
}
