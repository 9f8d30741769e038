using Suanbei.Registry;
using Suanbei.Testing;

namespace Suanbei.Registry.Tests;

public class ProductParserTests
{
    private static readonly HashSet<string?> CanonicalForms = ["APP", "网站", "小程序", "公众账号", "桌面应用程序", "插件", "API", "其他", null];

    public static IEnumerable<object[]> EveryProductsCell()
    {
        foreach (var (file, column) in new[]
                 { ("deep-synthesis-filings.tsv", "products"), ("algorithm-filings.tsv", "products"), ("cancellations.tsv", "product") })
        {
            var (h, rows) = RepoPaths.ReadPublishedTsv(file);
            var i = Array.IndexOf(h, column);
            foreach (var r in rows) yield return [file, r[i]];
        }
    }

    [Fact]
    public void Every_products_cell_of_the_shared_data_parses_sensibly()
    {
        var cells = EveryProductsCell().ToList();
        Assert.Equal(236 + 239 + 57, cells.Count);
        var products = 0;
        foreach (var c in cells)
        {
            var cell = (string)c[1];
            var parsed = ProductParser.Parse(cell);
            if (cell.Trim() == "--") { Assert.True(parsed.None); Assert.Empty(parsed.Products); continue; }
            Assert.False(parsed.None, cell);
            Assert.NotEmpty(parsed.Products);
            var flat = cell.Replace('（', '(').Replace('）', ')').Replace(" ", "");
            foreach (var p in parsed.Products)
            {
                Assert.False(string.IsNullOrWhiteSpace(p.Name), cell);
                Assert.Contains(p.Form, CanonicalForms);
                Assert.DoesNotContain("、", p.Name);
                Assert.False(p.Name.StartsWith(')') || p.Name.EndsWith('('), cell);
                // Nothing invented: every name is text of the cell.
                Assert.Contains(p.Name.Replace(" ", ""), flat);
            }
            // In these lists every product has a form in brackets.
            Assert.All(parsed.Products, p => Assert.NotNull(p.Form));
            Assert.Equal(cell.TrimEnd().EndsWith('等'), parsed.Truncated);
            products += parsed.Products.Count;
        }
        Assert.True(products > cells.Count, $"{products} products from {cells.Count} cells");
    }

    [Theory]
    [InlineData("写作蛙（网站）、ChatGLM（网站）、写作蛙（小程序）", "写作蛙|网站;ChatGLM|网站;写作蛙|小程序", false)]
    [InlineData("阿里巴巴（APP、网站）", "阿里巴巴|APP;阿里巴巴|网站", false)]
    [InlineData("豆瓣（APP、网站）、豆瓣时间（小程序）、豆瓣评分（小程序）等", "豆瓣|APP;豆瓣|网站;豆瓣时间|小程序;豆瓣评分|小程序", true)]
    [InlineData("百度新闻（APP、网站）百度百科（APP、网站）、百度贴吧（APP、网站）等", "百度新闻|APP;百度新闻|网站;百度百科|APP;百度百科|网站;百度贴吧|APP;百度贴吧|网站", true)]
    [InlineData("智慧助手（小艺）（APP）", "智慧助手(小艺)|APP", false)]
    [InlineData("（欢太）浏览器（APP）", "(欢太)浏览器|APP", false)]
    [InlineData("上上签电子签约云平台智能签约助手Hubble（哈勃）(网站)", "上上签电子签约云平台智能签约助手Hubble(哈勃)|网站", false)]
    [InlineData("会议总结（MAXHUB智能硬件产品）(APP)", "会议总结(MAXHUB智能硬件产品)|APP", false)]
    [InlineData("芒果TV （网站、APP）", "芒果TV|网站;芒果TV|APP", false)]
    [InlineData(" 斗鱼 （APP） ", "斗鱼|APP", false)]
    [InlineData("量子喵(网站)", "量子喵|网站", false)]
    [InlineData("某某（公众号）、某某(app)", "某某|公众账号;某某|APP", false)]
    [InlineData("没有形态的产品", "没有形态的产品|", false)]
    public void Tricky_cells(string cell, string expected, bool truncated)
    {
        var parsed = ProductParser.Parse(cell);
        Assert.Equal(expected, string.Join(";", parsed.Products.Select(p => p.Name + "|" + p.Form)));
        Assert.Equal(truncated, parsed.Truncated);
    }

    [Theory]
    [InlineData("--")]
    [InlineData(" -- ")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("无")]
    public void Technical_supporters_have_no_products(string? cell)
    {
        var parsed = ProductParser.Parse(cell);
        Assert.True(parsed.None);
        Assert.Empty(parsed.Products);
    }
}
