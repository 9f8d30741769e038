using System.Net;
using System.Text.RegularExpressions;
using Suanbei.Core.Identifiers;
using Suanbei.Registry.Store;

namespace Suanbei.Registry.Display;

/// <summary>
/// Checks an HTML page for Art. 26 of 《互联网信息服务算法推荐管理规定》: the filing number shown prominently with a link to its
/// public entry. A number counts as linked when an &lt;a&gt; around it (or with it in its href) points to the CAC filing site
/// (beian.cac.gov.cn) or to a registry entry page (/registry/entry/…).
/// </summary>
public static partial class DisplayCheck
{
    public const int MaxHtmlChars = 5_000_000;

    [GeneratedRegex(@"<(script|style|noscript)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 2000)]
    private static partial Regex Hidden();
    [GeneratedRegex(@"<a\b[^>]*?href\s*=\s*[""']?([^""'\s>]*)[^>]*>(.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 2000)]
    private static partial Regex Anchor();
    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline, 2000)]
    private static partial Regex Tag();

    public static async Task<DisplayReport> CheckAsync(string html, IRegistryStore? store, CancellationToken ct = default)
    {
        if (html.Length > MaxHtmlChars) html = html[..MaxHtmlChars];
        var visible = Hidden().Replace(html, " ");
        var anchors = Anchor().Matches(visible)
            .Select(m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value),
            Text: WebUtility.HtmlDecode(Tag().Replace(m.Groups[2].Value, " "))))
            .ToList();
        var text = WebUtility.HtmlDecode(Tag().Replace(visible, " "));
        var findings = new List<DisplayFinding>();
        foreach (var number in FilingNumber.FindAll(text).Distinct())
        {
            var info = FilingNumber.Decode(number);
            var entry = store is null ? null : await store.GetAsync(number, ct);
            var digits = number.Substring(4, 21);
            var link = anchors.FirstOrDefault(a =>
                (a.Text.Contains(digits) || Uri.UnescapeDataString(a.Href).Contains(digits))
                && IsPublicEntryLink(a.Href));
            findings.Add(new DisplayFinding(number, info.Valid, info.Problems, entry is not null,
                entry is null ? null : entry.Status == RegistryStatus.Cancelled ? "cancelled" : "active",
                link.Href is not null, link.Href));
        }
        var problems = new List<string>();
        if (findings.Count == 0) problems.Add("页面未显示算法备案编号（网信算备…号）");
        foreach (var f in findings)
        {
            if (!f.Valid) problems.Add($"{f.Number}：{string.Join("；", f.Problems)}");
            if (store is not null && !f.InRegistry) problems.Add($"{f.Number}：未在公示清单中找到");
            if (f.Status == "cancelled") problems.Add($"{f.Number}：该编号已注销");
            if (!f.Linked) problems.Add($"{f.Number}：没有链接到公示页面（网信办备案系统或公示清单条目）");
        }
        return new DisplayReport(findings.Count > 0, findings, problems);
    }

    private static bool IsPublicEntryLink(string href) =>
        href.Contains("beian.cac.gov.cn", StringComparison.OrdinalIgnoreCase)
            || href.Contains("/registry/entry/", StringComparison.OrdinalIgnoreCase);
}
