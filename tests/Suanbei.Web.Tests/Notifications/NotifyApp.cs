using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// The real app with e-mail going to a real SMTP server (aiosmtpd) and a webhook receiver, both started with it, and
/// a fast sender: short polls and retries, four attempts.
/// </summary>
public abstract partial class NotifyApp : TestApp, IAsyncLifetime
{
    protected NotifyApp(Provider provider) : base(provider)
    {
        Smtp = new SmtpTestServer();
        Receiver = WebhookReceiver.StartAsync().GetAwaiter().GetResult();
    }

    public SmtpTestServer Smtp { get; }
    public WebhookReceiver Receiver { get; }

    /// <summary>
    /// Adds a webhook to <paramref name="receiverPath"/> on the receiver through the webhook page, as
    /// <paramref name="pages"/> (a signed-in browser, acting for an organisation if its headers say so), and returns the
    /// secret the page shows once after adding.
    /// </summary>
    public async Task<string> AddWebhookOnPageAsync(HttpClient pages, string receiverPath)
    {
        const string page = "/notifications/webhooks";
        var r = await pages.PostFormAsync(page, new() { ["Address"] = Receiver.BaseUrl + receiverPath });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var secret = SecretShownOn(await pages.GetStringAsync(page));
        Assert.StartsWith("whsec_", secret);
        return secret;
    }

    /// <summary>The webhook secret a page shows (once, after adding or rotating), or "" when it shows none.</summary>
    public static string SecretShownOn(string html) => SecretPattern().Match(WebUtility.HtmlDecode(html)).Value;

    [GeneratedRegex("whsec_[A-Za-z0-9+/=]+")]
    private static partial Regex SecretPattern();

    /// <summary>The settings of a test node: SMTP on <paramref name="smtpPort"/> without TLS, fast polling and retries.</summary>
    public static Dictionary<string, string?> Settings(int smtpPort, double retrySeconds = 0.3, int maxAttempts = 4) => new()
    {
        ["Suanbei:Smtp:Host"] = "127.0.0.1",
        ["Suanbei:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Suanbei:Smtp:Tls"] = "none",
        ["Suanbei:Smtp:From"] = "算备 <noreply@suanbei.test>",
        ["Suanbei:Notifications:PollSeconds"] = "0.1",
        ["Suanbei:Notifications:RetrySeconds"] = retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Suanbei:Notifications:MaxRetrySeconds"] = Math.Max(2, retrySeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Suanbei:Notifications:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Suanbei:Notifications:DeadlineWarningDays"] = "12",
        // The receiver listens on the loopback address, which the outbound guard refuses by default.
        [Suanbei.Web.Features.Operations.OutboundAddressGuard.AllowPrivateNetworksKey] = "true",
    };

    /// <summary>Another node on the same database and data folder (started by the caller), with <paramref name="settings"/>.</summary>
    public static WebApplication BuildNode(SuanbeiHostOptions options, Dictionary<string, string?> settings) =>
        SuanbeiWebHost.Build(options, [.. settings.Select(kv => $"--{kv.Key}={kv.Value}")]);

    // The settings are read when the sender starts, so setting them on the built app's configuration is in time.
    protected override void OnBuilt(WebApplication app)
    {
        foreach (var (key, value) in Settings(Smtp.Port)) app.Configuration[key] = value;
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Smtp.Dispose();
        await Receiver.DisposeAsync();
    }
}

public sealed class NotifySqliteApp() : NotifyApp(Provider.Sqlite);
public sealed class NotifyPostgresApp() : NotifyApp(Provider.Postgres);
