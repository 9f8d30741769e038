namespace Suanbei.Labels.Tests;

public class ProducerCodeTests
{
    [Theory]
    [InlineData("001191440300708461136T1XGW3", "91440300708461136T", "1XGW3")]
    [InlineData("001191330106MA2CFLDG4R10001", "91330106MA2CFLDG4R", "10001")]
    public void Real_examples_validate_and_rebuild(string code, string credit, string extension)
    {
        Assert.True(ProducerCode.TryParse(code, out var parts, out var error), error);
        Assert.Equal(credit, parts!.CreditCode);
        Assert.Equal(extension, parts.ServiceExtension);
        Assert.Equal(code, ProducerCode.Build(credit, extension));
    }

    [Fact]
    public void Unused_extension_defaults_to_zeros() =>
        Assert.Equal("001191440300708461136T00000", ProducerCode.Build("91440300708461136T"));

    [Theory]
    [InlineData("001191440300708461136T1XGW", "27位")]                 // too short
    [InlineData("011191440300708461136T1XGW3", "第1–2位")]              // prefix
    [InlineData("002191440300708461136T1XGW3", "主体类型")]             // subject type
    [InlineData("001291440300708461136T1XGW3", "绑定方式")]             // binding
    [InlineData("001191440300708461136U1XGW3", "校验位")]               // credit code check character
    [InlineData("001191440300708461136T3XGW3", "服务类型")]             // service type
    [InlineData("001191440300708461136T1xgw3", "第2位")]                // provider characters
    [InlineData("001191440300708461136T0XGW3", "服务类型")]             // 0 only as 00000
    public void Malformed_codes_are_rejected_with_the_part_named(string code, string expectedInMessage)
    {
        var error = ProducerCode.Validate(code);
        Assert.NotNull(error);
        Assert.Contains(expectedInMessage, error);
    }

    [Fact]
    public void Build_rejects_an_invalid_credit_code()
    {
        var e = Assert.Throws<ArgumentException>(() => ProducerCode.Build("91440300708461136X"));
        Assert.Contains("统一社会信用代码", e.Message);
    }
}
