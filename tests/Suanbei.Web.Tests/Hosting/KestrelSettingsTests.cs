using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>The app set up as a node pinned to one core: requests run on the socket's thread, one I/O queue.</summary>
public abstract class InlineSchedulingApp(Provider provider) : TestApp(provider)
{
    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) =>
        o with { KestrelInlineScheduling = true, KestrelIoQueueCount = 1 };
}

public sealed class InlineSchedulingSqliteApp() : InlineSchedulingApp(Provider.Sqlite);

public sealed class InlineSchedulingPostgresApp() : InlineSchedulingApp(Provider.Postgres);

/// <summary>Kestrel's socket settings: read from configuration, handed to the transport, and the app still answers
/// concurrent page requests (the database's own asynchronous reads included) when requests run on the socket's thread.</summary>
public abstract class KestrelSettingsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : InlineSchedulingApp
{
    [Fact]
    public void The_socket_transport_gets_the_settings()
    {
        var transport = app.App.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;
        Assert.True(transport.UnsafePreferInlineScheduling);
        Assert.Equal(1, transport.IOQueueCount);
    }

    [Fact]
    public async Task Concurrent_searches_and_filing_reads_all_answer_with_requests_on_the_socket_thread()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        await CompleteFilingViaApiAsync(api, filer, name: "内联调度测试算法");
        var browser = await app.SignInAsync(filer.User.Email!);
        var anonymous = app.Client();
        var pages = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            var r = i % 2 == 0 ? await browser.GetAsync("/filings") : await anonymous.GetAsync("/registry?q=%E6%99%BA%E8%83%BD");
            return (r.StatusCode, Body: await r.Content.ReadAsStringAsync(), Filings: i % 2 == 0);
        }));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.All(pages.Where(p => p.Filings), p => Assert.Contains("内联调度测试算法", p.Body));
    }
}

public sealed class KestrelSettingsSqliteTests(InlineSchedulingSqliteApp app) : KestrelSettingsTests<InlineSchedulingSqliteApp>(app);

public sealed class KestrelSettingsPostgresTests(InlineSchedulingPostgresApp app)
    : KestrelSettingsTests<InlineSchedulingPostgresApp>(app);

/// <summary>The settings' configuration keys; the default leaves Kestrel as it is.</summary>
public sealed class KestrelConfigurationTests
{
    private static SuanbeiHostOptions From(Dictionary<string, string?> values) =>
        new SuanbeiHostOptions().WithConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void The_settings_come_from_the_Suanbei_Kestrel_section_and_default_to_Kestrels_own()
    {
        var o = From(new() { ["Suanbei:Kestrel:InlineScheduling"] = "true", ["Suanbei:Kestrel:IoQueueCount"] = "1" });
        Assert.True(o.KestrelInlineScheduling);
        Assert.Equal(1, o.KestrelIoQueueCount);
        var defaults = From([]);
        Assert.False(defaults.KestrelInlineScheduling);
        Assert.Null(defaults.KestrelIoQueueCount);
    }

    [Fact]
    public void Inline_scheduling_is_refused_while_the_runtime_runs_socket_completions_inline()
    {
        // The variable's value is passed in: setting it in this process would refuse the other tests' inline nodes.
        var e = Assert.Throws<InvalidOperationException>(() => SuanbeiHostOptions.CheckInlineScheduling(true, "1"));
        Assert.Contains("Suanbei:Kestrel:InlineScheduling", e.Message);
        Assert.Contains(SuanbeiHostOptions.InlineCompletionsVariable + "=1", e.Message);
        SuanbeiHostOptions.CheckInlineScheduling(true, null);
        SuanbeiHostOptions.CheckInlineScheduling(true, "0");
        SuanbeiHostOptions.CheckInlineScheduling(false, "1");
    }

    [Theory]
    [InlineData("Suanbei:Kestrel:InlineScheduling", "yes")]
    [InlineData("Suanbei:Kestrel:IoQueueCount", "-1")]
    [InlineData("Suanbei:Kestrel:IoQueueCount", "many")]
    public void A_bad_value_is_refused_with_a_message_naming_the_key(string key, string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => From(new() { [key] = value }));
        Assert.Contains(key, e.Message);
        Assert.Contains(value, e.Message);
    }
}
