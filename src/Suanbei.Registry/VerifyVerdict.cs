using Suanbei.Core.Identifiers;

namespace Suanbei.Registry;

/// <summary>
/// The one answer the verify page gives about a number: 有效且已公示 (or 已注销), 格式有效但未在清单中找到, or 格式错误 — with
/// what is wrong and the expected format. A check digit that does not fit the published pattern (reference §4) makes
/// the format wrong unless the number itself is in the published lists, which are taken as published.
/// </summary>
public sealed record VerifyVerdict(VerdictKind Kind, string Title, string Explanation, IReadOnlyList<string> Problems)
{
    public const string ExpectedFormat =
        "算法备案编号为“网信算备”+ 21 位数字 +“号”，如 网信算备110108823483901230031号（6 位行政区划代码、7 位主体代码、2 位算法类型、2 位年份、3 位序号、1 位校验位）；" +
        "生成式人工智能服务的备案号为“属地拼音-名称拼音-日期”，如 Beijing-WenXinYiYan-20230821（登记号的日期后带 S 和 4 位序号）。";

    /// <summary>Why a check-digit mismatch is worded as it is (the rule is derived, not published).</summary>
    public const string CheckDigitNote = "校验位规律由已公布的编号归纳得出，并非官方公布的算法；不符不等于伪造，请以网信办公示为准。";

    public string CssClass => Kind switch { VerdictKind.Registered => "ok", VerdictKind.Malformed => "bad", _ => "warn" };

    public static VerifyVerdict From(RegistryVerification v)
    {
        var problems = v.Decoded?.Problems ?? [];
        var formatOk = v.Scheme switch
        {
            RegistryNumberScheme.Algorithm => v.Decoded is { Valid: true },
            RegistryNumberScheme.Unknown => false,
            _ => true,
        };
        if (v.Entry is { } e)
        {
            var note = formatOk ? "" : $"（{FilingNumber.CheckDigitMismatch}，但该编号见于公示清单，按公示内容收录）";
            return e.Status == RegistryStatus.Active
                ? new(VerdictKind.Registered, "有效且已公示", $"该编号见于公示清单：{e.Name}（{e.Entity}）。{note}", formatOk ? [] : problems)
                : new(VerdictKind.Cancelled, "已公示，现已注销",
                    $"该编号见于公示清单：{e.Name}（{e.Entity}），已注销（{e.CancelledOn:yyyy-MM-dd}）。{note}",
                    formatOk ? [] : problems);
        }
        if (formatOk)
            return new(VerdictKind.NotFound, "格式有效，但未在公示清单中找到",
                "编号的格式和校验位都符合规律，但本系统收录的公示清单中没有它：可能是新近公示、尚未收录，或编号有误。请以网信办公示为准。", []);
        var list = problems.Count > 0 ? problems
            : v.Normalised.Length == 0 ? ["编号为空"] : ["既不是算法备案编号（网信算备…号），也不是生成式人工智能服务备案号"];
        return new(VerdictKind.Malformed, "格式错误", ExpectedFormat, list);
    }

    /// <summary>属地 of a generative-AI number in Chinese (Beijing → 北京市), or the pinyin when unknown.</summary>
    public static string PlaceOf(GenerativeAiNumberInfo g) => g.Place ?? g.Pinyin ?? "";
}
