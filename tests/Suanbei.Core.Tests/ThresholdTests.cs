using System.Text.Json;
using Suanbei.Core.Checks;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Testing;
using Xunit;

namespace Suanbei.Core.Tests;

/// <summary>A threshold is written once, in Data/rules/presubmission.json, and every guard applies that value.</summary>
public sealed class ThresholdTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static FilingSnapshot LogsKept(int months)
    {
        var good = Checks.PresubmissionCheckTests.Good();
        return good with { Filing = good.Filing with { LogRetentionMonths = months } };
    }

    private static int FromDataFile(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "src", "Suanbei.Core", "Data", "rules", "presubmission.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("thresholds").GetProperty(name).GetInt32();
    }

    [Fact]
    public void Function_description_limit_of_the_product_form_is_the_data_files()
    {
        var max = FromDataFile("maxFunctionDescription");
        Assert.Equal(max, Product.MaxFunctionDescription);
        Assert.Empty(ProductValidation.CheckFunction("写作", new string('写', max)));
        var error = ProductValidation.CheckFunction("写作", new string('写', max + 1))["FunctionDescription"];
        Assert.Contains($"不能超过{max}个字符", error);
    }

    [Fact]
    public void Log_retention_minimum_of_the_aggregate_and_the_check_is_the_data_files()
    {
        var min = FromDataFile("minLogRetentionMonths");
        Assert.Equal(min, FilingRules.MinLogRetentionMonths);
        var finding = Assert.Single(PresubmissionCheck.Evaluate(LogsKept(min - 1), Today).Findings,
            f => f.RuleId == "logs.retention-short");
        Assert.Contains($"不足 {min} 个月", finding.Message);
        Assert.DoesNotContain(PresubmissionCheck.Evaluate(LogsKept(min), Today).Findings, f => f.RuleId == "logs.retention-short");
    }
}
