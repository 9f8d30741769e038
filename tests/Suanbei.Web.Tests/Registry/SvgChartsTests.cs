using System.Xml.Linq;
using Suanbei.Web.Features.Registry.Charts;

namespace Suanbei.Web.Tests.Registry;

public class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Bar_chart_is_well_formed_svg_with_one_bar_per_point_scaled_to_the_maximum()
    {
        ChartPoint[] points = [new("北京市", 120), new("广东省", 60), new("<script>", 0)];
        var doc = XDocument.Parse(SvgCharts.Bar("各省份条目数", points));
        var bars = doc.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.Equal(3, bars.Count);
        var w0 = double.Parse((string)bars[0].Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        var w1 = double.Parse((string)bars[1].Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2.0, w0 / w1, 3);
        Assert.Equal("0", (string)bars[2].Attribute("width")!);
        Assert.Empty(doc.Descendants(Svg + "script"));
        Assert.DoesNotContain("http://", doc.ToString().Replace("http://www.w3.org/2000/svg", ""));
    }

    [Fact]
    public void Line_chart_and_table_carry_the_numbers()
    {
        ChartPoint[] points = [new("2023-09", 80), new("2024-01", 129), new("2024-02", 27)];
        var doc = XDocument.Parse(SvgCharts.Line("各批次条目数", points));
        Assert.Equal(3, doc.Descendants(Svg + "circle").Count());
        Assert.Equal(3, ((string)doc.Descendants(Svg + "polyline").Single().Attribute("points")!).Split(' ').Length);
        var table = XDocument.Parse(SvgCharts.Table("各批次条目数", "批次", points));
        Assert.Equal(["80", "129", "27"], table.Descendants("tr").Skip(1).Select(tr => tr.Elements("td").Last().Value));
        Assert.NotNull(XDocument.Parse(SvgCharts.Line("空", [])));
    }
}
