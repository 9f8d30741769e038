using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Tests;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999's own example
    [InlineData("440524188001010014")] // GB 11643-1999's own example
    public void Standard_examples_are_valid(string number) => Assert.Null(ResidentIdNumber.Validate(number, Today));

    [Theory]
    [InlineData(null, "不能为空")]
    [InlineData("11010519491231002", "应为18位，实际为17位")]
    [InlineData("110105194912310021", "校验码不符（第18位应为“X”）")]   // last character changed
    [InlineData("11010519491231003X", "校验码不符")]                      // sequence digit changed
    [InlineData("11010519491231002x", "大写“X”")]
    [InlineData("1101051949123100AX", "第17位“A”应为数字")]
    [InlineData("11010519490231002X", "不是有效的出生日期")]             // 1949-02-31
    [InlineData("11010528491231002X", "出生日期2849-12-31不合理")]
    [InlineData("11010518491231002X", "出生日期1849-12-31不合理")]
    [InlineData("99010519491231002X", "前两位“99”不是已知的省级行政区划代码")]
    [InlineData("11010519491231002Y", "应为数字或“X”")]
    public void Mutated_numbers_are_rejected_with_a_reason(string? number, string expected)
    {
        var error = ResidentIdNumber.Validate(number, Today);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }
}

public class IcpNumberTests
{
    [Theory]
    [InlineData("京ICP备12345678号-1", IcpKind.Filing, "北京市", 1)]
    [InlineData("京ICP备12345678号", IcpKind.Filing, "北京市", null)]
    [InlineData("京ICP证030173号", IcpKind.Licence, "北京市", null)]
    [InlineData("粤ICP备2023012345号-12", IcpKind.Filing, "广东省", 12)]
    [InlineData(" 新ICP备12345678号 ", IcpKind.Filing, "新疆维吾尔自治区", null)]
    public void Valid_forms_parse_with_their_province(string number, IcpKind kind, string province, int? site)
    {
        Assert.Null(IcpNumber.Parse(number, out var info));
        Assert.Equal(kind, info!.Kind);
        Assert.Equal(province, info.ProvinceName);
        Assert.Equal(site, info.Site);
        Assert.Equal(province, IcpNumber.ProvinceName(number));
    }

    [Fact]
    public void Every_mainland_abbreviation_is_accepted()
    {
        foreach (var c in "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新")
            Assert.Null(IcpNumber.Validate($"{c}ICP备12345678号"));
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("港ICP备12345678号", "不是已知简称")]
    [InlineData("X京ICP备12345678号", "不是已知简称")]
    [InlineData("京icp备12345678号", "“ICP备”或“ICP证”")]
    [InlineData("京ICP12345678号", "“ICP备”或“ICP证”")]
    [InlineData("京ICP备1234号", "5–10位数字，实际为4位")]
    [InlineData("京ICP证12345678号", "6位数字，实际为8位")]
    [InlineData("京ICP备12345678", "数字后应为“号”")]
    [InlineData("京ICP备12345678号1", "网站序号")]
    [InlineData("京ICP备12345678号-0", "不以0开头")]
    [InlineData("京ICP备12345678号-", "不以0开头")]
    [InlineData("京ICP证123456号-1", "不应再有内容")]
    public void Bad_numbers_are_rejected_with_a_reason(string number, string expected)
    {
        var error = IcpNumber.Validate(number);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }
}

public class ContactValidationTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("8619912345678")]
    public void Valid_mobiles(string mobile) => Assert.Null(ContactValidation.ValidateMobile(mobile));

    [Theory]
    [InlineData(null, "不能为空")]
    [InlineData("1380013800", "应为11位数字，实际为10位")]
    [InlineData("12800138000", "应以13–19开头")]
    [InlineData("1380013800a", "非数字字符“a”")]
    [InlineData("010-12345678", "应以13–19开头")] // a landline, hyphen removed
    public void Bad_mobiles(string? mobile, string expected) => Assert.Contains(expected, ContactValidation.ValidateMobile(mobile));

    [Theory]
    [InlineData("security@example.com")]
    [InlineData("zhang.san+suanbei@mail.example.com.cn")]
    public void Valid_emails(string email) => Assert.Null(ContactValidation.ValidateEmail(email));

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("zhangsan.example.com", "只含一个“@”")]
    [InlineData("a@b@example.com", "只含一个“@”")]
    [InlineData("@example.com", "1–64个字符")]
    [InlineData("张三@example.com", "不允许的字符“张”")]
    [InlineData("a..b@example.com", "“.”位置不正确")]
    [InlineData("a@localhost", "域名不完整")]
    [InlineData("a@exa_mple.com", "不允许的字符")]
    [InlineData("a@example.c0m", "顶级域名")]
    public void Bad_emails(string email, string expected) => Assert.Contains(expected, ContactValidation.ValidateEmail(email));
}

public class RegionsTests
{
    [Fact]
    public void All_province_level_prefixes_are_known()
    {
        Assert.Equal(34, Regions.Provinces.Count);
        Assert.Equal("北京市", Regions.ProvinceName("110108"));
        Assert.Equal("广东省", Regions.ProvinceName("440305"));
        Assert.Equal("新疆维吾尔自治区", Regions.ProvinceName("650102"));
        Assert.Equal("澳门特别行政区", Regions.ProvinceName("820000"));
        Assert.Null(Regions.ProvinceName("990000"));
        Assert.Null(Regions.ProvinceName("x"));
    }

    [Theory]
    [InlineData(null, "不能为空")]
    [InlineData("11010", "6位数字")]
    [InlineData("11010a", "6位数字")]
    [InlineData("470101", "“47”不是已知的省级行政区划代码")]
    public void Bad_codes(string? code, string expected) => Assert.Contains(expected, Regions.Validate(code));

    [Fact]
    public void Good_code() => Assert.Null(Regions.Validate("310104"));
}

public class AlgorithmTypesTests
{
    [Theory]
    [InlineData(AlgorithmType.GenerationSynthesis, "生成合成类", "01")]
    [InlineData(AlgorithmType.PersonalisedPush, "个性化推送类", "02")]
    [InlineData(AlgorithmType.RankingSelection, "排序精选类", "03")]
    [InlineData(AlgorithmType.RetrievalFiltering, "检索过滤类", "04")]
    [InlineData(AlgorithmType.SchedulingDecision, "调度决策类", "06")]
    public void Names_and_codes(AlgorithmType type, string name, string code)
    {
        Assert.Equal(name, DisplayNames.Of(type));
        Assert.Equal(code, AlgorithmTypes.NumberTypeCode(type));
        Assert.Equal(type, AlgorithmTypes.FromNumberTypeCode(code));
        Assert.True(AlgorithmTypes.TryParseChinese(name, out var parsed));
        Assert.Equal(type, parsed);
    }

    [Fact]
    public void Every_category_in_the_published_list_parses()
    {
        var (header, rows) = Suanbei.Testing.RepoPaths.ReadPublishedTsv("algorithm-filings.tsv");
        var column = Array.IndexOf(header, "category");
        foreach (var row in rows)
            Assert.True(AlgorithmTypes.TryParseChinese(row[column], out _), row[column]);
    }

    [Fact]
    public void Variants_and_unknowns()
    {
        Assert.True(AlgorithmTypes.TryParseChinese(" 个性化推送 ", out var t));
        Assert.Equal(AlgorithmType.PersonalisedPush, t);
        Assert.Equal(AlgorithmType.RetrievalFiltering, AlgorithmTypes.FromNumberTypeCode("05"));
        Assert.Null(AlgorithmTypes.FromNumberTypeCode("07"));
        Assert.False(AlgorithmTypes.TryParseChinese("推荐类", out _));
        Assert.False(AlgorithmTypes.TryParseChinese(null, out _));
    }
}
