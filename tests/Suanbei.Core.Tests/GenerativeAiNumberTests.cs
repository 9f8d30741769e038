using Suanbei.Core.Identifiers;
using Suanbei.Testing;
using Xunit;

namespace Suanbei.Core.Tests;

public sealed class GenerativeAiNumberTests
{
    /// <summary>Rows of the published generative-AI lists shipped in the repository: number, 属地, kind (备案/登记).</summary>
    private static IEnumerable<(string Number, string Region, string Kind)> PublishedRows() =>
        File.ReadLines(RepoPaths.PublishedList("generative-ai-filings.tsv"))
            .Where(l => !l.StartsWith('#')).Skip(1)
            .Select(l => l.Split('\t')).Select(c => (c[6], c[3], c[8]));

    // The published row says 属地 江苏省, the number says Beijing: the number is decoded as written.
    private static readonly Dictionary<string, string> IssuedElsewhere = new() { ["Beijing-CarrotAI-202407030002"] = "北京市" };

    [Fact]
    public void Every_published_number_decodes_to_its_rows_place_kind_and_date_and_the_stored_header_is_reported()
    {
        var rows = PublishedRows().ToList();
        Assert.True(rows.Count > 200);
        var header = Assert.Single(rows, r => r.Region == "属地");
        var reported = GenerativeAiNumber.Decode(header.Number);
        Assert.False(reported.Valid);
        Assert.Null(reported.Kind);
        Assert.Contains("不是生成式人工智能服务编号", Assert.Single(reported.Problems));

        foreach (var row in rows.Where(r => r != header))
        {
            var info = GenerativeAiNumber.Decode(row.Number);
            Assert.True(info.Valid, $"{row.Number}: {string.Join("；", info.Problems)}");
            Assert.Equal(row.Kind, DisplayNames.Of(info.Kind!.Value));
            // 国资委 rows are central enterprises; every other row's 属地 is the province its pinyin names, but for
            // the rows whose number was issued elsewhere (listed with why).
            var expected = row.Region == "国资委" ? "中央企业（国资委）" : row.Region;
            if (IssuedElsewhere.TryGetValue(row.Number, out var place)) Assert.NotEqual(expected, place);
            Assert.Equal(IssuedElsewhere.GetValueOrDefault(row.Number, expected), info.Place);
            Assert.NotNull(info.Date);
            Assert.Contains(info.Date!.Value.ToString("yyyyMMdd"), row.Number);
        }
    }

    [Fact]
    public void Filing_numbers_carry_a_sequence_from_the_date_the_published_rows_first_show_one_and_none_before()
    {
        var rules = GenerativeAiNumberRules.Current;
        var filings = PublishedRows().Where(r => r.Kind == "备案" && r.Region != "属地")
            .Select(r => GenerativeAiNumber.Decode(r.Number)).ToList();
        Assert.Equal(rules.FilingSequenceFrom, filings.Where(d => d.Sequence is not null).Min(d => d.Date!.Value));
        Assert.True(filings.Where(d => d.Sequence is null).Max(d => d.Date!.Value) < rules.FilingSequenceFrom);
        Assert.All(filings.Where(d => d.Sequence is not null),
            d => Assert.Equal(8 + rules.FilingSequenceWidth, d.Number.Length - d.Number.LastIndexOf('-') - 1));

        Assert.Contains("备案号缺少序号：2024-04-28 起", Assert.Single(GenerativeAiNumber.Decode("Beijing-XingChen-20240428").Problems));
        Assert.Contains("2024-04-28 以前的备案号不带序号", Assert.Single(GenerativeAiNumber.Decode("Beijing-WenXinYiYan-202308210001").Problems));
        Assert.Contains("序号应为 4 位数字", Assert.Single(GenerativeAiNumber.Decode("Beijing-XingChen-2024042800001").Problems));
        Assert.Contains("evidence", Assert.Throws<FormatException>(() =>
            GenerativeAiNumberRules.Parse("{\"filingSequence\":{\"from\":\"2024-04-28\",\"width\":4}}")).Message);
    }

    [Fact]
    public void A_registration_number_has_its_sequence_and_a_filing_number_may_have_none()
    {
        var reg = GenerativeAiNumber.Decode("Beijing-BianYing-20240428S0001");
        Assert.Equal((GenerativeAiNumberKind.Registration, "北京市", "BianYing", new DateOnly(2024, 4, 28), 1),
            (reg.Kind, reg.Place, reg.Name, reg.Date, reg.Sequence));
        var filing = GenerativeAiNumber.Decode("Beijing-WenXinYiYan-20230821");
        Assert.Equal((GenerativeAiNumberKind.Filing, "WenXinYiYan", (int?)null), (filing.Kind, filing.Name, filing.Sequence));
        Assert.Equal("MT-WorkGpt", GenerativeAiNumber.Decode("Sichuan-MT-WorkGpt-20240424").Name);
        Assert.Equal(5, GenerativeAiNumber.Decode("Beijing-TengXunYunHangYeDaMoXing-202404280005").Sequence);
        var slip = GenerativeAiNumber.Decode("Shinghai-AIMinSuGuanJia-20240729S0020");
        Assert.True(slip.Valid);
        Assert.Equal("上海市", slip.Place);
        Assert.Contains("Shinghai", slip.Note);
    }

    [Theory]
    [InlineData("Atlantis-WenXinYiYan-20230821", "属地拼音“Atlantis”不是已知的省级行政区或属地")]
    [InlineData("Beijing-WenXinYiYan-20230231", "日期“20230231”不存在")]
    [InlineData("Beijing--20230821", "缺少模型名称")]
    [InlineData("-WenXinYiYan-20230821", "缺少属地拼音")]
    [InlineData("Beijing-WenXinYiYan-", "缺少日期")]
    [InlineData("Beijing-WenXinYiYan-2023082", "不是日期")]
    [InlineData("Beijing-BianYing-20240428S0000", "序号不能为 0000")]
    [InlineData("Beijing-文心一言-20230821", "只能由拉丁字母、数字和连字符组成")]
    [InlineData("Beijing-WenXinYiYan", "不是生成式人工智能服务编号")]
    public void Malformed_numbers_are_refused_with_a_chinese_reason(string number, string reason)
    {
        var info = GenerativeAiNumber.Decode(number);
        Assert.False(info.Valid);
        Assert.Contains(info.Problems, p => p.Contains(reason));
    }

    [Fact]
    public void Full_width_and_surrounding_spaces_are_read_as_ascii()
    {
        var info = GenerativeAiNumber.Decode("　Ｂｅｉｊｉｎｇ－ＢｉａｎＹｉｎｇ－２０２４０４２８Ｓ０００１ ");
        Assert.True(info.Valid);
        Assert.Equal("Beijing-BianYing-20240428S0001", info.Number);
    }
}
