using Suanbei.Core.Products;
using Suanbei.Registry.Published;
using Suanbei.Registry.Publishing;

namespace Suanbei.Registry.Tests;

public class PublisherTests
{
    private const string Number = "网信算备110108000000101260012号";

    private static PublishedFiling Filing(params ProductRef[] products) =>
        new(Number, "算备测试生成算法", "服务提供者", null, "算备测试科技有限公司", products, "用于测试。", new DateOnly(2026, 11, 20));

    [Fact]
    public async Task Products_arrive_structured_and_are_written_the_way_the_lists_write_them()
    {
        var store = new RecordingStore();
        // A name holding 、 and brackets: a text round trip through the product parser would split it.
        await new RegistryPublisher(store).PublishAsync(Filing(new ProductRef("小红书、国际版（海外）", "APP"), new ProductRef("算备助手", "网站")));
        var row = Assert.Single(store.Rows);
        Assert.Equal([new ProductRef("小红书、国际版（海外）", "APP"), new ProductRef("算备助手", "网站")], row.Products);
        Assert.Equal("小红书、国际版（海外）（APP）、算备助手（网站）", row.ProductsRaw);
        Assert.Equal(RegistryListKind.FiledHere, row.List);
        Assert.Equal(Number, row.Number);
    }

    [Fact]
    public async Task A_filing_without_products_shows_the_lists_dash()
    {
        var store = new RecordingStore();
        await new RegistryPublisher(store).PublishAsync(Filing() with { Role = "服务技术支持者" });
        var row = Assert.Single(store.Rows);
        Assert.Empty(row.Products);
        Assert.Equal(PublishedProducts.None, row.ProductsRaw);
    }

    [Fact]
    public async Task Each_publication_tells_the_listener_and_a_bad_number_is_refused_in_Chinese()
    {
        var store = new RecordingStore();
        var told = 0;
        var sink = new RegistryPublisher(store, () => told++);
        await sink.PublishAsync(Filing(new ProductRef("算备助手", "APP")));
        Assert.Equal(1, told);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => sink.PublishAsync(Filing() with { Number = "不是编号" }));
        Assert.Contains("备案编号格式不正确", e.Message);
        Assert.Single(store.Rows);
    }

    [Theory]
    [InlineData("算备助手", "APP", "算备助手（APP）")]
    [InlineData("算备助手", null, "算备助手")]
    [InlineData("算备助手", " ", "算备助手")]
    public void Display_is_name_and_form_in_full_width_brackets(string name, string? form, string expected)
    {
        Assert.Equal(expected, new ProductRef(name, form).Display);
        // The filing's documents write a linked product with the same rule.
        Assert.Equal(expected, PublishedProducts.Item(name, form));
    }

    [Fact]
    public async Task The_shipped_lists_seed_an_empty_store_once()
    {
        var store = new RecordingStore();
        var seeded = await PublishedLists.SeedIfEmptyAsync(store);
        Assert.Equal(store.Rows.Count, seeded);
        Assert.True(seeded > 700, $"{seeded} rows");
        Assert.Equal(0, await PublishedLists.SeedIfEmptyAsync(store));
        Assert.Equal(seeded, store.Rows.Count);
    }
}
