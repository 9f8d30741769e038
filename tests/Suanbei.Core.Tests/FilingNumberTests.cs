using Suanbei.Core.Identifiers;
using Suanbei.Testing;

namespace Suanbei.Core.Tests;

public class FilingNumberTests
{
    private const string Anomaly = "网信算备440305295988702220055号";

    public static IEnumerable<(string File, string Number)> PublishedNumbers()
    {
        foreach (var (file, column) in new[] { ("deep-synthesis-filings.tsv", "number"), ("algorithm-filings.tsv", "number"),
            ("cancellations.tsv", "code") })
        {
            var (header, rows) = RepoPaths.ReadPublishedTsv(file);
            var index = Array.IndexOf(header, column);
            Assert.True(index >= 0, $"{file} has no {column} column");
            foreach (var row in rows) yield return (file, row[index]);
        }
    }

    [Fact]
    public void Every_published_number_is_well_formed()
    {
        var numbers = PublishedNumbers().ToList();
        Assert.Equal(236 + 239 + 57, numbers.Count);
        foreach (var (file, number) in numbers)
        {
            var info = FilingNumber.Decode(number);
            Assert.True(info.WellFormed, $"{file}: {number}: {string.Join("；", info.Problems)}");
            Assert.NotNull(info.ProvinceName);
            Assert.NotNull(info.TypeName);
        }
    }

    [Fact]
    public void Every_published_number_matches_the_check_digit_except_the_documented_anomaly()
    {
        var mismatches = PublishedNumbers().Select(p => p.Number).Distinct()
            .Where(n => !FilingNumber.Decode(n).CheckDigitMatches).ToList();
        Assert.Equal([Anomaly], mismatches);
    }

    [Fact]
    public void The_anomaly_is_flagged_as_not_matching_the_pattern_not_as_forged()
    {
        var info = FilingNumber.Decode(Anomaly);
        Assert.True(info.WellFormed);
        Assert.False(info.CheckDigitMatches);
        Assert.False(info.Valid);
        Assert.Equal(5, info.CheckDigit);
        var problem = Assert.Single(info.Problems);
        Assert.Contains("校验位与已公布编号的规律不符", problem);
        Assert.Contains("应为7", problem); // its neighbour …0057 would fit
        Assert.DoesNotContain("伪造", problem);
        Assert.True(FilingNumber.Decode("网信算备440305295988702220057号").Valid);
    }

    [Fact]
    public void Decodes_the_issue_example()
    {
        var info = FilingNumber.Decode("网信算备110108823483901230031号");
        Assert.Equal("110108", info.Region);
        Assert.Equal("北京市", info.ProvinceName);
        Assert.Equal("8234839", info.Entity);
        Assert.Equal("01", info.TypeCode);
        Assert.Equal("生成合成类", info.TypeName);
        Assert.Equal(2023, info.Year);
        Assert.Equal(3, info.Sequence);
        Assert.Equal(1, info.CheckDigit);
        Assert.True(info.WellFormed);
        Assert.True(info.CheckDigitMatches);
        Assert.True(info.Valid);
        Assert.Empty(info.Problems);
    }

    [Fact]
    public void Surrounding_whitespace_and_full_width_digits_are_normalised()
    {
        var info = FilingNumber.Decode("\u3000 网信算备１１０１０８８２３４８３９０１２３００３１号\t");
        Assert.True(info.Valid, string.Join("；", info.Problems));
        Assert.Equal("网信算备110108823483901230031号", info.Number);
    }

    [Theory]
    [InlineData("110108", "8234839", "01", 2023, 3, "网信算备110108823483901230031号")]
    [InlineData("440305", "2959887", "02", 2022, 5, "网信算备440305295988702220057号")]
    public void Compose_matches_published_numbers(string region, string entity, string type, int year, int seq, string expected) =>
        Assert.Equal(expected, FilingNumber.Compose(region, entity, type, year, seq));

    [Fact]
    public void Compose_round_trips_through_decode()
    {
        foreach (var (region, entity, type, year, seq) in new[] {
            ("110108", "8234839", "01", 2023, 3), ("310104", "0000000", "06", 2099, 999), ("650102", "1234567", "05", 2022, 1) })
        {
            var info = FilingNumber.Decode(FilingNumber.Compose(region, entity, type, year, seq));
            Assert.True(info.Valid, string.Join("；", info.Problems));
            Assert.Equal((region, entity, type, year, seq),
                (info.Region, info.Entity, info.TypeCode, info.Year!.Value, info.Sequence!.Value));
        }
    }

    [Theory]
    [InlineData("1101", "8234839", "01", 2023, 3, "region6")]
    [InlineData("990108", "8234839", "01", 2023, 3, "region6")]
    [InlineData("110108", "823483", "01", 2023, 3, "entity7")]
    [InlineData("110108", "8234839", "07", 2023, 3, "typeCode2")]
    [InlineData("110108", "8234839", "01", 2021, 3, "year")]
    [InlineData("110108", "8234839", "01", 2023, 0, "sequence")]
    [InlineData("110108", "8234839", "01", 2023, 1000, "sequence")]
    public void Compose_rejects_bad_parts(string region, string entity, string type, int year, int seq, string param)
    {
        var ex = Assert.Throws<ArgumentException>(() => FilingNumber.Compose(region, entity, type, year, seq));
        Assert.Equal(param, ex.ParamName);
    }

    [Theory]
    [InlineData(null, "不能为空")]
    [InlineData("   ", "不能为空")]
    [InlineData("110108823483901230031号", "应以“网信算备”开头")]
    [InlineData("网信算备110108823483901230031", "应以“号”结尾")]
    [InlineData("网信算备11010882348390123003号", "应含21位数字，实际为20位")]
    [InlineData("网信算备1101088234839012300311号", "应含21位数字，实际为22位")]
    [InlineData("网信算备11010882348390123O031号", "第18位“O”不是数字")]
    [InlineData("网信算备990108823483901230031号", "省级代码“99”不是已知代码")]
    [InlineData("网信算备110108823483907230031号", "算法类型代码“07”不是已知代码")]
    [InlineData("网信算备110108823483901210031号", "早于算法备案制度施行")]
    [InlineData("网信算备110108823483901230001号", "序号不能为000")]
    [InlineData("网信算备110108823483901230032号", "校验位与已公布编号的规律不符（按规律第21位应为1，实际为2）")]
    public void Bad_numbers_name_their_problem(string? number, string expected)
    {
        var info = FilingNumber.Decode(number);
        Assert.False(info.Valid);
        Assert.Contains(info.Problems, p => p.Contains(expected));
        Assert.NotNull(FilingNumber.Validate(number));
    }

    [Fact]
    public void A_structural_problem_is_not_well_formed_but_a_check_digit_mismatch_is()
    {
        Assert.False(FilingNumber.Decode("网信算备110108823483907230031号").WellFormed);
        var mismatch = FilingNumber.Decode("网信算备110108823483901230032号");
        Assert.True(mismatch.WellFormed);
        Assert.False(mismatch.CheckDigitMatches);
    }

    [Fact]
    public void Check_digit_of_the_example()
    {
        Assert.Equal(1, FilingNumber.CheckDigit("11010882348390123003"));
        Assert.Throws<ArgumentException>(() => FilingNumber.CheckDigit("1101088234839012300"));
    }
}

public class FilingNumberRobustnessTests
{
    [Fact]
    public void Decode_never_throws_on_arbitrary_input()
    {
        var random = new Random(11643);
        const string alphabet = "网信算备号0123456789０１２３４５６７８９ \u3000-X\uD83D\uDE00\0\n";
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(0, 40);
            var chars = new char[length];
            for (var j = 0; j < length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            var info = FilingNumber.Decode(text);
            Assert.NotNull(info.Problems);
            Assert.Equal(info.Valid, info.Problems.Count == 0);
        }
        Assert.False(FilingNumber.Decode(new string('1', 100_000)).Valid);
    }

    [Fact]
    public void FindAll_extracts_numbers_from_text()
    {
        var text = "备案编号：网信算备110108823483901230031号、网信算备 440305295988702220055 号；另见网信算备１１０１０８８２３４８３９０１２３００４９号。非编号：网信算备12345号";
        Assert.Equal(
            ["网信算备110108823483901230031号", "网信算备440305295988702220055号", "网信算备110108823483901230049号"],
            FilingNumber.FindAll(text));
        Assert.Empty(FilingNumber.FindAll(null));
    }
}
