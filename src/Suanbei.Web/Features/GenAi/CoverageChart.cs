using System.Globalization;
using System.Net;
using System.Text;
using Suanbei.GenAi.Banks;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// Server-side SVG of a bank's count per risk against each risk's minimum: one bar per code, a tick at the minimum,
/// bars below it in red. No script or external resource; the same numbers are in the page's per-risk table.
/// </summary>
public static class CoverageChart
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Svg(string title, BankReport report, IReadOnlyList<(string Code, string Name, int Minimum)> coverage,
        int width = 760)
    {
        const int rowHeight = 20, top = 34, labelWidth = 250, valueWidth = 70;
        var height = top + Math.Max(1, coverage.Count) * rowHeight + 10;
        var max = Math.Max(1, coverage.Select(c => Math.Max(c.Minimum, report.ByRisk.GetValueOrDefault(c.Code))).DefaultIfEmpty(1).Max());
        var plot = width - labelWidth - valueWidth;
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"coverage-chart\" role=\"img\" width=\"{width}\" ");
        sb.Append(Inv, $"height=\"{height}\" viewBox=\"0 0 {width} {height}\" ");
        sb.Append("font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\">");
        sb.Append("<title>").Append(Esc(title)).Append("</title>");
        sb.Append(Inv, $"<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">{Esc(title)}</text>");
        for (var i = 0; i < coverage.Count; i++)
        {
            var (code, name, minimum) = coverage[i];
            var have = report.ByRisk.GetValueOrDefault(code);
            var y = top + i * rowHeight;
            var w = have / (double)max * plot;
            var tick = labelWidth + minimum / (double)max * plot;
            var ok = have >= minimum;
            var label = code + " " + (name.Length > 14 ? name[..13] + "…" : name);
            sb.Append(Inv, $"<text x=\"{labelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"12\">{Esc(label)}</text>");
            sb.Append(Inv, $"<rect class=\"bar {(ok ? "ok" : "short")}\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.##}\" ");
            sb.Append(Inv, $"height=\"{rowHeight - 6}\" fill=\"{(ok ? "#2e7d32" : "#c0392b")}\">");
            sb.Append(Inv, $"<title>{Esc(code)} {Esc(name)}：{have} / 最低 {minimum}</title></rect>");
            sb.Append(Inv, $"<line x1=\"{tick:0.##}\" x2=\"{tick:0.##}\" y1=\"{y + 1}\" y2=\"{y + rowHeight - 1}\" stroke=\"#333\" ");
            sb.Append("stroke-width=\"2\"/>");
            sb.Append(Inv, $"<text x=\"{Math.Max(w, tick - labelWidth) + labelWidth + 6:0.##}\" y=\"{y + 14}\" font-size=\"12\">");
            sb.Append(Inv, $"{have}/{minimum}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
