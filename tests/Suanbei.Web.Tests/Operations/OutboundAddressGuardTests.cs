using System.Net;
using Microsoft.Extensions.Configuration;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Tests.Notifications;

namespace Suanbei.Web.Tests.Operations;

/// <summary>
/// The outbound address guard: every internal address class is refused when entered, a public one passes, a name that
/// resolves to the loopback address is refused when connecting, and the operator's setting lets private targets through.
/// </summary>
public sealed class OutboundAddressGuardTests
{
    private static OutboundAddressGuard Guard(bool? allowPrivate = null) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(allowPrivate is { } a
            ? new Dictionary<string, string?> { [OutboundAddressGuard.AllowPrivateNetworksKey] = a ? "true" : "false" }
            : [])
        .Build());

    [Theory]
    [InlineData("0.0.0.0", "未指定地址")]
    [InlineData("10.1.2.3", "内网地址")]
    [InlineData("172.16.0.1", "内网地址")]
    [InlineData("172.31.255.254", "内网地址")]
    [InlineData("192.168.1.1", "内网地址")]
    [InlineData("127.0.0.1", "本机回环地址")]
    [InlineData("127.8.9.10", "本机回环地址")]
    [InlineData("169.254.169.254", "链路本地地址")]
    [InlineData("100.64.0.1", "运营商级 NAT 地址")]
    [InlineData("100.127.255.254", "运营商级 NAT 地址")]
    [InlineData("224.0.0.1", "组播地址")]
    [InlineData("239.255.255.250", "组播地址")]
    [InlineData("255.255.255.255", "广播地址")]
    [InlineData("[::]", "未指定地址")]
    [InlineData("[::1]", "本机回环地址")]
    [InlineData("[fc00::1]", "唯一本地地址")]
    [InlineData("[fd12:3456:789a::1]", "唯一本地地址")]
    [InlineData("[fe80::1]", "链路本地地址")]
    [InlineData("[ff02::1]", "组播地址")]
    [InlineData("[::ffff:127.0.0.1]", "本机回环地址")]
    [InlineData("[::ffff:10.0.0.1]", "内网地址")]
    [InlineData("[::ffff:169.254.169.254]", "链路本地地址")]
    [InlineData("[::ffff:0.0.0.0]", "未指定地址")]
    [InlineData("[64:ff9b::a9fe:a9fe]", "链路本地地址")]
    [InlineData("[2002:c0a8:101::1]", "内网地址")]
    public void An_address_of_each_internal_class_is_refused_when_entered(string host, string reason)
    {
        var (url, error) = Guard().CheckUrl($"https://{host}:8443/hook", "接收地址");
        Assert.Null(url);
        Assert.NotNull(error);
        Assert.StartsWith("「接收地址」指向", error);
        Assert.Contains(reason, error);
        Assert.Contains(OutboundAddressGuard.AllowPrivateNetworksKey, error);
        Assert.NotNull(OutboundAddressGuard.RefusalReason(IPAddress.Parse(host.Trim('[', ']'))));
    }

    [Theory]
    [InlineData("https://114.114.114.114/hook")]
    [InlineData("http://8.8.8.8:8080/hook")]
    [InlineData("https://172.32.0.1/hook")] // just past 172.16.0.0/12
    [InlineData("https://100.128.0.1/hook")] // just past 100.64.0.0/10
    [InlineData("https://[2400:3200::1]/hook")]
    [InlineData("https://hooks.example.cn/suanbei")] // a name: checked when connecting
    public void A_public_address_passes(string text)
    {
        var (url, error) = Guard().CheckUrl(text, "接收地址");
        Assert.Null(error);
        Assert.Equal(new Uri(text), url);
    }

    [Theory]
    [InlineData("ftp://example.cn/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.cn/")]
    [InlineData("example.cn/hook")]
    [InlineData("https://user:secret@example.cn/hook")]
    public void Only_http_and_https_addresses_are_accepted_with_a_message_naming_the_field(string text)
    {
        var (url, error) = Guard().CheckUrl(text, "评测接口地址");
        Assert.Null(url);
        Assert.Equal("「评测接口地址」须为 http:// 或 https:// 开头的完整网址（不含用户名和密码）", error);
        Assert.Equal("请填写「评测接口地址」", Guard().CheckUrl("  ", "评测接口地址").Error);
    }

    [Fact]
    public void The_setting_allows_private_targets_and_a_bad_value_names_the_key()
    {
        Assert.Null(Guard(allowPrivate: true).CheckUrl("http://127.0.0.1:9000/hook", "接收地址").Error);
        Assert.NotNull(Guard(allowPrivate: false).CheckUrl("http://127.0.0.1:9000/hook", "接收地址").Error);
        var bad = new OutboundAddressGuard(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { [OutboundAddressGuard.AllowPrivateNetworksKey] = "maybe" }).Build());
        var e = Assert.Throws<InvalidOperationException>(() => bad.AllowPrivateNetworks);
        Assert.Contains(OutboundAddressGuard.AllowPrivateNetworksKey, e.Message);
    }

    [Fact]
    public async Task A_name_resolving_to_the_loopback_address_is_refused_when_connecting_unless_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.BaseUrl).Port;
        var url = $"http://localhost:{port}/hooks/{Guid.NewGuid():N}";
        Assert.Null(Guard().CheckUrl(url, "接收地址").Error); // the name passes the edge; the connection is what counts

        using (var refused = new HttpClient(Guard().CreateHandler()))
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => refused.PostAsync(url, new StringContent("{}")));
            var inner = Assert.IsType<OutboundAddressRefusedException>(e.InnerException);
            Assert.Contains("本机回环地址", inner.Message);
        }
        Assert.Empty(receiver.Calls);

        using var allowed = new HttpClient(Guard(allowPrivate: true).CreateHandler());
        using var response = await allowed.PostAsync(url, new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(receiver.Calls);
    }
}
