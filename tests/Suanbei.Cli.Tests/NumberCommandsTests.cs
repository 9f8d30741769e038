using System.Text.Json;

namespace Suanbei.Cli.Tests;

public class NumberCommandsTests
{
    private const string Example = "网信算备110108823483901230031号";

    [Fact]
    public void Decode_json_prints_the_documented_shape_with_unescaped_chinese()
    {
        var r = CliRunner.Run("number", "decode", Example, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var line = Assert.Single(r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            """{"number":"网信算备110108823483901230031号","region":"110108","entity":"8234839","typeCode":"01","typeName":"生成合成类","year":"""
            + """2023,"sequence":3,"checkDigit":1,"valid":true""",
            line);
        Assert.DoesNotContain("\\u", line);
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("北京市", doc.RootElement.GetProperty("province").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Decode_json_of_the_anomaly_reports_the_pattern_mismatch_and_exits_1()
    {
        var r = CliRunner.Run("number", "decode", "网信算备440305295988702220055号", "--json");
        Assert.True(r.ExitCode == 1, r.ToString());
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("wellFormed").GetBoolean());
        Assert.Equal(5, doc.RootElement.GetProperty("checkDigit").GetInt32());
        Assert.Contains("校验位与已公布编号的规律不符", doc.RootElement.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public void Decode_without_json_prints_a_chinese_table()
    {
        var r = CliRunner.Run("number", "decode", Example);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("行政区划  110108（北京市）", r.StdOut);
        Assert.Contains("算法类型  01 生成合成类", r.StdOut);
        Assert.Contains("结　　论  有效", r.StdOut);
    }

    [Fact]
    public void Check_exits_0_when_every_number_is_valid()
    {
        var r = CliRunner.Run("number", "check", Example, "网信算备440305295988702220057号");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain("有问题", r.StdOut);
    }

    [Fact]
    public void Check_exits_1_and_says_what_is_wrong_with_each_bad_number()
    {
        var r = CliRunner.Run("number", "check", Example, "网信算备440305295988702220055号", "网信算备11010882348390123003号",
            "110108823483901230031号");
        Assert.True(r.ExitCode == 1, r.ToString());
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("有效", lines[0]);
        Assert.Contains("校验位与已公布编号的规律不符", lines[1]);
        Assert.Contains("应含21位数字，实际为20位", lines[2]);
        Assert.Contains("应以“网信算备”开头", lines[3]);
    }

    [Fact]
    public void Check_without_numbers_is_a_usage_error()
    {
        var r = CliRunner.Run("number", "check");
        Assert.True(r.ExitCode == 10, r.ToString());
    }

    [Fact]
    public void Decode_json_of_a_generative_ai_registration_prints_the_documented_shape()
    {
        var r = CliRunner.Run("number", "decode", "Beijing-BianYing-20240428S0001", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith(
            """{"number":"Beijing-BianYing-20240428S0001","scheme":"genai","kind":"登记","province":"北京市","name":"BianYing","""
            + "\"date\":\"2024-04-28\",\"sequence\":1,\"valid\":true",
            Assert.Single(r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Decode_json_of_a_generative_ai_filing_has_no_sequence_and_algorithm_numbers_name_their_scheme()
    {
        var r = CliRunner.Run("number", "decode", "Beijing-WenXinYiYan-20230821", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal("备案", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("sequence").ValueKind);
        var a = CliRunner.Run("number", "decode", Example, "--json");
        using var algorithm = JsonDocument.Parse(a.StdOut);
        Assert.Equal("algorithm", algorithm.RootElement.GetProperty("scheme").GetString());
    }

    [Fact]
    public void Check_accepts_both_schemes_and_refuses_malformed_generative_ai_numbers_with_a_reason()
    {
        var r = CliRunner.Run("number", "check", Example, "Beijing-BianYing-20240428S0001", "Atlantis-X-20230821",
            "Beijing-X-20230230");
        Assert.True(r.ExitCode == 1, r.ToString());
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("有效", lines[0]);
        Assert.StartsWith("有效  Beijing-BianYing-20240428S0001", lines[1]);
        Assert.Contains("属地拼音“Atlantis”不是已知的省级行政区或属地", lines[2]);
        Assert.Contains("日期“20230230”不存在", lines[3]);
        Assert.Equal(0, CliRunner.Run("number", "check", "Beijing-WenXinYiYan-20230821", "Beijing-BianYing-20240428S0001").ExitCode);
    }
}
