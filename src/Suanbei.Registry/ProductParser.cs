using System.Text;

namespace Suanbei.Registry;

/// <summary>
/// Parses the 应用产品 column of the published lists: products written 名称（形态） joined by 、, several forms in one
/// bracket (阿里巴巴（APP、网站）), a trailing 等, "--" for technical supporters, full- and half-width brackets, stray
/// spaces, brackets inside names (智慧助手（小艺）（APP）, （欢太）浏览器（APP）) and a missing 、 after a closing bracket.
/// </summary>
public static class ProductParser
{
    /// <summary>Canonical product forms (reference §2); the keys are the spellings seen or expected in the lists.</summary>
    private static readonly Dictionary<string, string> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["APP"] = "APP", ["应用"] = "APP", ["客户端"] = "APP", ["移动应用"] = "APP",
        ["网站"] = "网站", ["网页"] = "网站", ["web"] = "网站", ["H5"] = "网站", ["PC端"] = "网站",
        ["小程序"] = "小程序", ["微信小程序"] = "小程序", ["支付宝小程序"] = "小程序", ["快应用"] = "小程序",
        ["公众账号"] = "公众账号", ["公众号"] = "公众账号", ["微信公众号"] = "公众账号",
        ["桌面应用程序"] = "桌面应用程序", ["桌面应用"] = "桌面应用程序", ["桌面端"] = "桌面应用程序",
        ["插件"] = "插件", ["API"] = "API", ["接口"] = "API",
        ["其他"] = "其他", ["其它"] = "其他",
    };

    /// <summary>The canonical form for a spelling, or null when the text is not a product form.</summary>
    public static string? CanonicalForm(string text) =>
        Forms.TryGetValue(text.Trim(), out var f) ? f : null;

    private static readonly string[] NoneMarkers = ["--", "-", "—", "——", "－－", "/", "无", "暂无", "N/A", "NA"];

    public static ParsedProducts Parse(string? cell)
    {
        var text = Normalise(cell);
        if (text.Length == 0 || NoneMarkers.Contains(text, StringComparer.OrdinalIgnoreCase))
            return new([], false, true);

        var truncated = false;
        foreach (var tail in new[] { "等产品", "等应用", "等" })
        {
            if (text.EndsWith(tail, StringComparison.Ordinal) && text.Length > tail.Length)
            {
                truncated = true;
                text = text[..^tail.Length].TrimEnd('、', ' ');
                break;
            }
        }

        var products = new List<ProductRef>();
        foreach (var segment in Split(text))
        {
            var (name, forms) = SplitNameAndForms(segment);
            if (name.Length == 0 && forms.Count == 0) continue;
            if (forms.Count == 0) products.Add(new(name, null));
            else foreach (var f in forms) products.Add(new(name, f));
        }
        return new(products, truncated, false);
    }

    /// <summary>Half-width brackets, no spaces next to brackets or separators, collapsed inner spaces.</summary>
    private static string Normalise(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return "";
        var sb = new StringBuilder(cell.Length);
        foreach (var ch in cell)
        {
            var c = ch switch
            {
                '（' => '(',
                '）' => ')',
                '，' => '、',
                ',' => '、',
                '；' => '、',
                ';' => '、',
                '\u3000' => ' ',
                '\t' or '\r' or '\n' or '\u00A0' => ' ',
                _ => ch,
            };
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(c);
        }
        var s = sb.ToString().Trim();
        // Drop spaces that touch a bracket or separator ("芒果TV （网站、APP）").
        var outSb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == ' ')
            {
                var prev = outSb.Length > 0 ? outSb[^1] : '\0';
                var next = i + 1 < s.Length ? s[i + 1] : '\0';
                if (IsStructural(prev) || IsStructural(next)) continue;
            }
            outSb.Append(s[i]);
        }
        return outSb.ToString();
    }

    private static bool IsStructural(char c) => c is '(' or ')' or '、' or '\0';

    /// <summary>Splits at top-level 、 and after a closing bracket of forms that is directly followed by a new name.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var start = 0;
        var groupStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(') { if (depth == 0) groupStart = i; depth++; }
            else if (c == ')' && depth > 0)
            {
                depth--;
                if (depth == 0 && i + 1 < text.Length && text[i + 1] is not ('(' or '、' or ')')
                    && IsFormList(text[(groupStart + 1)..i]))
                {
                    // "百度新闻（APP、网站）百度百科（APP、网站）": the 、 is missing between two products.
                    yield return text[start..(i + 1)];
                    start = i + 1;
                }
            }
            else if (c == '、' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        if (start < text.Length) yield return text[start..];
    }

    private static bool IsFormList(string inner)
    {
        var parts = inner.Split(['、', '/', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(p => CanonicalForm(p) is not null);
    }

    private static (string Name, List<string> Forms) SplitNameAndForms(string segment)
    {
        var s = segment.Trim();
        var forms = new List<string>();
        if (s.EndsWith(')'))
        {
            // Find the bracket that opens the last top-level group.
            var depth = 0;
            for (var i = s.Length - 1; i >= 0; i--)
            {
                if (s[i] == ')') depth++;
                else if (s[i] == '(' && --depth == 0)
                {
                    var inner = s[(i + 1)..^1];
                    if (IsFormList(inner) && i > 0)
                    {
                        foreach (var p in inner.Split(['、', '/', '|'],
                            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            var f = CanonicalForm(p)!;
                            if (!forms.Contains(f)) forms.Add(f);
                        }
                        s = s[..i].Trim();
                    }
                    break;
                }
            }
        }
        return (s, forms);
    }
}
