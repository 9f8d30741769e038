using Suanbei.Core;
using Suanbei.Core.Filings;
using Xunit;

namespace Suanbei.Registry.Tests;

public class RegistryQueryTests
{
    [Theory]
    [InlineData("服务提供者", FilingRole.ServiceProvider)]
    [InlineData("provider", FilingRole.ServiceProvider)]
    [InlineData("提供者", FilingRole.ServiceProvider)]
    [InlineData(" Supporter ", FilingRole.TechnicalSupporter)]
    [InlineData("技术支持者", FilingRole.TechnicalSupporter)]
    public void A_role_filter_reads_as_the_role_the_lists_name(string typed, FilingRole role) =>
        Assert.Equal(DisplayNames.Of(role), new RegistryQuery { Role = typed }.RoleValue());

    [Fact]
    public void An_unknown_role_is_matched_as_typed() =>
        Assert.Equal("其他角色", new RegistryQuery { Role = "其他角色" }.RoleValue());
}
