using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Suanbei.Core.Registry;

namespace Suanbei.Core.Identifiers;

/// <summary>
/// 生成式人工智能服务 numbers as the CAC's lists publish them: <c>&lt;属地拼音&gt;-&lt;模型名称&gt;-&lt;YYYYMMDD&gt;</c> for 备案,
/// followed from 2024-04-28 by a four-digit sequence (…-202404280001; <see cref="GenerativeAiNumberRules"/>), and
/// <c>…-YYYYMMDDS&lt;NNNN&gt;</c> for 登记.
/// The 属地 is a province's pinyin from Data/regions.tsv (compared ignoring case: Zhejiang and ZheJiang both occur) or a
/// known non-province place or slip from Data/registry-normalisations.tsv (ZhongYangQiYe for central enterprises under
/// 国资委; the one misspelt Shinghai). The model name may contain hyphens (Sichuan-MT-WorkGpt-20240424).
/// </summary>
public static partial class GenerativeAiNumber
{
    [GeneratedRegex(@"^(?<place>[^-]*)-(?<name>.*)-(?<date>[^-]*)$")]
    private static partial Regex Parts();

    [GeneratedRegex(@"^(?<date>\d{8})(?:(?<seq>\d+)|S(?<reg>\d{4}))?$")]
    private static partial Regex DatePart();

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")]
    private static partial Regex NamePart();

    /// <summary>Whether <paramref name="text"/> looks like a generative-AI number rather than an algorithm number: it
    /// contains a Latin letter and a hyphen (algorithm numbers are 网信算备, digits and 号).</summary>
    public static bool LooksLikeOne(string? text)
    {
        var s = Normalise(text);
        return s.Contains('-') && s.Any(char.IsAsciiLetter);
    }

    /// <summary>Surrounding whitespace removed; full-width Latin letters, digits and hyphens read as ASCII (copied text has
    /// them).</summary>
    public static string Normalise(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var sb = new StringBuilder(trimmed.Length);
        foreach (var ch in trimmed)
            sb.Append(ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch is '－' or '—' or '–' ? '-' : ch);
        return sb.ToString();
    }

    /// <summary>A 备案 number carries a sequence of the rule's width from the rule's date, and none before it.</summary>
    private static void FilingSequence(DateOnly date, Group seq, List<string> problems)
    {
        var rules = GenerativeAiNumberRules.Current;
        var from = rules.FilingSequenceFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (rules.FilingHasSequence(date) && !seq.Success)
            problems.Add($"备案号缺少序号：{from} 起的备案号在日期后带 {rules.FilingSequenceWidth} 位序号，如 Beijing-XingChen-202404280001");
        else if (!rules.FilingHasSequence(date) && seq.Success)
            problems.Add($"{from} 以前的备案号不带序号，日期后的“{seq.Value}”多余");
        else if (seq.Success && seq.Value.Length != rules.FilingSequenceWidth)
            problems.Add($"备案号的序号应为 {rules.FilingSequenceWidth} 位数字，而不是“{seq.Value}”");
    }

    public static GenerativeAiNumberInfo Decode(string? text)
    {
        var number = Normalise(text);
        var problems = new List<string>();
        if (number.Length == 0)
            return new(number, null, null, null, null, null, null, ["编号为空"], null);
        var parts = Parts().Match(number);
        if (!parts.Success)
            return new(number, null, null, null, null, null, null,
                ["不是生成式人工智能服务编号：应为“属地拼音-模型名称-日期”，如 Beijing-WenXinYiYan-20230821 或 Beijing-BianYing-20240428S0001"],
                null);

        var pinyin = parts.Groups["place"].Value;
        string? place = null, note = null;
        if (pinyin.Length == 0) problems.Add("缺少属地拼音（如 Beijing）");
        else if (Regions.ProvinceByPinyin(pinyin) is { } province) place = province.Name;
        else if (SourceNormalisations.Find("pinyin", pinyin) is { } known)
        {
            place = known.Value;
            note = $"“{pinyin}”不是省级行政区的拼音，按公示清单中的已知写法读作{known.Value}";
        }
        else problems.Add($"属地拼音“{pinyin}”不是已知的省级行政区或属地");

        var name = parts.Groups["name"].Value;
        if (name.Length == 0) problems.Add("缺少模型名称");
        else if (!NamePart().IsMatch(name)) problems.Add($"模型名称“{name}”只能由拉丁字母、数字和连字符组成");

        GenerativeAiNumberKind? kind = null;
        DateOnly? date = null;
        int? sequence = null;
        var tail = parts.Groups["date"].Value;
        var d = DatePart().Match(tail);
        if (!d.Success)
            problems.Add(tail.Length == 0 ? "缺少日期（YYYYMMDD）"
                : $"“{tail}”不是日期：应为 YYYYMMDD（备案），可带四位序号，或 YYYYMMDD 加 S 和四位序号（登记）");
        else
        {
            kind = d.Groups["reg"].Success ? GenerativeAiNumberKind.Registration : GenerativeAiNumberKind.Filing;
            if (DateOnly.TryParseExact(d.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                date = day;
            else problems.Add($"日期“{d.Groups["date"].Value}”不存在");
            var seq = d.Groups["reg"].Success ? d.Groups["reg"] : d.Groups["seq"];
            if (seq.Success)
            {
                sequence = int.Parse(seq.Value, CultureInfo.InvariantCulture);
                if (sequence == 0) problems.Add("序号不能为 0000");
            }
            else if (kind == GenerativeAiNumberKind.Registration) problems.Add("登记编号缺少序号");
            if (kind == GenerativeAiNumberKind.Filing && date is { } issued) FilingSequence(issued, seq, problems);
        }
        return new(number, kind, pinyin.Length == 0 ? null : pinyin, place, name.Length == 0 ? null : name, date, sequence, problems, note);
    }
}
