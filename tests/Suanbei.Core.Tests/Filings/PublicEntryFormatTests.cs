using System.Text.RegularExpressions;
using Suanbei.Core.Filings;
using Suanbei.Testing;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.Filings;

/// <summary>The public entry is written the way the CAC's published lists write theirs (rows in the published lists shipped with
/// Suanbei.Web).</summary>
public class PublicEntryFormatTests
{
    private static readonly Regex ProductItem = new(@"^[^、]+[（(][^（()）]+[）)]$");
    private static readonly Regex ChangeRemark = new(@"^\d{4}年\d{1,2}月，变更内容：");

    [Fact]
    public void Our_products_column_and_change_remark_have_the_shape_of_the_published_rows()
    {
        var (header, rows) = RepoPaths.ReadPublishedTsv("deep-synthesis-filings.tsv");
        int products = Array.IndexOf(header, "products"), remark = Array.IndexOf(header, "remark"), role = Array.IndexOf(header, "role");
        // The real rows: providers list 名称（形态）items joined by 、; supporters show "--"; dated change remarks use this prefix.
        var providerCells = rows.Where(r => r[role] == "服务提供者" && r[products] != "--").Select(r => r[products]).ToList();
        Assert.True(providerCells.Count > 10);
        var share = providerCells.Count(c => c.Split('、').All(ProductItem.IsMatch)) / (double)providerCells.Count;
        Assert.True(share > 0.9, $"only {share:P0} of real product cells match the pattern");
        Assert.Contains(rows, r => r[role] == "服务技术支持者" && r[products] == "--");
        Assert.Contains(rows, r => r.Length > remark && ChangeRemark.IsMatch(r[remark]));

        var filed = InStatus(FilingStatus.Filed);
        var change = ApprovedChange(filed);
        var entry = PublicEntry.From(change, "甲公司");
        Assert.All(entry.Products.Split('、'), p => Assert.Matches(ProductItem, p));
        Assert.Matches(ChangeRemark, entry.Remarks.Single());
        Assert.EndsWith("新增关联产品甲绘图（网站）", entry.Remarks.Single());
    }
}
