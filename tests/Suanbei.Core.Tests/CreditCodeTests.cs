using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Tests;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91440300708461136T")] // embedded in the real ContentProducer code 001191440300708461136T1XGW3
    [InlineData("91330106MA2CFLDG4R")] // embedded in 001191330106MA2CFLDG4R10001
    public void Real_codes_are_valid(string code) => Assert.Null(CreditCode.Validate(code));

    [Theory]
    [InlineData("91440300708461136A", "校验位")]
    [InlineData("9144030070846113", "18位")]
    [InlineData("91440300708461I36T", "不是允许的字符")]
    public void Bad_codes_are_rejected_with_a_reason(string code, string expectedFragment)
    {
        var error = CreditCode.Validate(code);
        Assert.NotNull(error);
        Assert.Contains(expectedFragment, error);
    }

    [Fact]
    public void Embedded_organisation_code_is_checked()
    {
        // Change the organisation-code check character (position 17) and recompute the outer check character,
        // so only the embedded GB 11714 check can catch it.
        var body = "91440300708461137";
        var code = body + CreditCode.ExpectedCheckCharacter(body);
        Assert.Contains("组织机构代码", CreditCode.Validate(code));
    }
}
