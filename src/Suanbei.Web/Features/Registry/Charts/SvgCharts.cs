using System.Globalization;
using System.Net;
using System.Text;

namespace Suanbei.Web.Features.Registry.Charts;

/// <summary>
/// Server-side SVG charts (no scripts, no external fonts or calls) plus the same numbers as an HTML table, so the
/// statistics are readable without the picture. Output is self-contained markup safe to embed in a page.
/// </summary>
public static class SvgCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Font = "font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\"";

    /// <summary>Horizontal bars, one per point, longest label on the left; suits long Chinese labels (entities, provinces).</summary>
    public static string Bar(string title, IReadOnlyList<ChartPoint> points, int width = 720)
    {
        const int rowHeight = 22, top = 34, labelWidth = 220, valueWidth = 60;
        var height = top + Math.Max(1, points.Count) * rowHeight + 10;
        var max = points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Value));
        var plot = width - labelWidth - valueWidth - 10;
        var sb = Start(title, width, height);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var y = top + i * rowHeight;
            var w = Math.Max(p.Value > 0 ? 1 : 0, p.Value / max * plot);
            sb.Append(Inv, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" ");
            sb.Append(Inv, $"font-size=\"12\">{Esc(Clip(p.Label, 18))}</text>");
            sb.Append(Inv, $"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.##}\" height=\"{rowHeight - 6}\" ");
            sb.Append(Inv, $"fill=\"#c0392b\"><title>{Esc(p.Label)}：{Num(p.Value)}</title></rect>");
            sb.Append(Inv, $"<text x=\"{labelWidth + w + 4:0.##}\" y=\"{y + 15}\" font-size=\"12\">{Num(p.Value)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A line over ordered points (e.g. entries per batch over time), with dots and the first/last labels.</summary>
    public static string Line(string title, IReadOnlyList<ChartPoint> points, int width = 720, int height = 300)
    {
        const int left = 50, right = 20, top = 34, bottom = 50;
        var sb = Start(title, width, height);
        var max = points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Value));
        double X(int i) => points.Count <= 1
            ? left + (width - left - right) / 2.0
            : left + i * (width - left - right) / (double)(points.Count - 1);
        double Y(double v) => top + (height - top - bottom) * (1 - v / max);
        sb.Append(Inv, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"#999\"/>");
        sb.Append(Inv, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"#999\"/>");
        sb.Append(Inv, $"<text x=\"{left - 4}\" y=\"{top + 4}\" text-anchor=\"end\" font-size=\"11\">{Num(max)}</text>");
        sb.Append(Inv, $"<text x=\"{left - 4}\" y=\"{height - bottom}\" text-anchor=\"end\" font-size=\"11\">0</text>");
        if (points.Count > 0)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"");
            sb.Append(string.Join(' ', points.Select((p, i) => string.Create(Inv, $"{X(i):0.##},{Y(p.Value):0.##}"))));
            sb.Append("\"/>");
            var every = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
            for (var i = 0; i < points.Count; i++)
            {
                sb.Append(Inv, $"<circle class=\"point\" cx=\"{X(i):0.##}\" cy=\"{Y(points[i].Value):0.##}\" r=\"3\" ");
                sb.Append(Inv, $"fill=\"#c0392b\"><title>{Esc(points[i].Label)}：{Num(points[i].Value)}</title></circle>");
                if (i % every == 0 || i == points.Count - 1)
                {
                    sb.Append(Inv, $"<text x=\"{X(i):0.##}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" ");
                    sb.Append(Inv, $"font-size=\"11\">{Esc(Clip(points[i].Label, 10))}</text>");
                }
            }
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>The numbers behind a chart as an accessible HTML table.</summary>
    public static string Table(string caption, string labelHeader, IReadOnlyList<ChartPoint> points, string valueHeader = "数量")
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"chart-data\"><caption>").Append(Esc(caption)).Append("</caption><thead><tr><th scope=\"col\">")
          .Append(Esc(labelHeader)).Append("</th><th scope=\"col\">").Append(Esc(valueHeader)).Append("</th></tr></thead><tbody>");
        foreach (var p in points)
            sb.Append("<tr><td>").Append(Esc(p.Label)).Append("</td><td>").Append(Num(p.Value)).Append("</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    private static StringBuilder Start(string title, int width, int height)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 ");
        sb.Append(Inv, $"{width} {height}\" {Font}>");
        sb.Append("<title>").Append(Esc(title)).Append("</title>");
        sb.Append(Inv, $"<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">{Esc(title)}</text>");
        return sb;
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
    private static string Esc(string s) => WebUtility.HtmlEncode(s);
    private static string Num(double v) => v.ToString(v == Math.Floor(v) ? "0" : "0.##", Inv);
}
