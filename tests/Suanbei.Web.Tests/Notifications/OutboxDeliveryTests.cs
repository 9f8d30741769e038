using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Organisations;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// The outbox across nodes, each test on a database of its own: pending messages survive a restart and are delivered
/// once, and two nodes sending from the same database at once deliver each message once.
/// </summary>
public abstract class OutboxDeliveryTests(Provider provider) : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private WebhookReceiver _receiver = null!;
    private readonly List<WebApplication> _nodes = [];
    private readonly SuanbeiHostOptions _options = new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "suanbei-outbox-" + Guid.NewGuid().ToString("N")[..10]),
        PostgresConnectionString = provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase("outbox") : null,
        Urls = "http://127.0.0.1:0",
        CreateFirstAdmin = false,
        EnvironmentName = "Production",
    };

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes.ToList()) await StopAsync(node);
        await _receiver.DisposeAsync();
        _smtp.Dispose();
        try { Directory.Delete(_options.DataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task<WebApplication> StartNodeAsync(Dictionary<string, string?> settings)
    {
        var node = NotifyApp.BuildNode(_options, settings);
        _nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    private async Task StopAsync(WebApplication node)
    {
        if (!_nodes.Remove(node)) return;
        await node.StopAsync();
        await node.DisposeAsync();
    }

    private SuanbeiDbContext Db() => new(DatabaseSetup.Options(_options));

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Db();
        return await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    /// <summary>The owner of the personal organisation of <paramref name="accountId"/> (its id is the account's).</summary>
    private static WebhookActor OwnerOf(string accountId) => new(accountId, accountId, accountId, MemberRole.Owner);

    /// <summary>An account whose personal organisation has a webhook at <paramref name="url"/>.</summary>
    private static async Task<AppUser> AccountWithWebhookAsync(WebApplication node, string url)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var created = await UserAdministration.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            TestApp.NewEmail("outbox"), Roles.Filer, TestApp.Password, DateTimeOffset.UtcNow);
        var added = await scope.ServiceProvider.GetRequiredService<OrganisationWebhooks>()
            .AddAsync(OwnerOf(created.User.Id), url);
        Assert.True(added.Outcome == WebhookOutcome.Done, added.Error);
        return created.User;
    }

    [Fact]
    public async Task Pending_messages_survive_a_restart_and_are_delivered_once()
    {
        // The first node's mail server is down and the receiver answers 503 once; its retry is not due before it stops.
        var first = await StartNodeAsync(NotifyApp.Settings(SmtpTestServer.FreePort(), retrySeconds: 6));
        var path = $"/fail1/{Guid.NewGuid():N}";
        var user = await AccountWithWebhookAsync(first, _receiver.BaseUrl + path);
        await first.Services.GetRequiredService<Notifier>().NotifyOrganisationAsync("restart:1", user.Id, "重启测试", "正文", null, default);
        await Eventually.HoldsAsync(async () => (await OutboxAsync()) is { Count: 2 } all && all.All(m => m.Attempts == 1),
            "one failed attempt on each channel");
        await StopAsync(first);
        Assert.All(await OutboxAsync(), m => Assert.Equal(DeliveryStatus.Pending, m.Status));

        await StartNodeAsync(NotifyApp.Settings(_smtp.Port, retrySeconds: 6));
        await Eventually.HoldsAsync(async () => (await OutboxAsync()).All(m => m.Status == DeliveryStatus.Delivered),
            "delivery after restart");
        Assert.Single(_smtp.MessagesTo(user.Email!));
        Assert.Equal(new[] { 503, 200 }, _receiver.CallsTo(path).Select(c => c.Answer));
        Assert.All(await OutboxAsync(), m => Assert.Equal(2, m.Attempts));
    }

    [Fact]
    public async Task Without_the_private_network_setting_internal_webhook_targets_are_refused_at_entry_and_at_connect_time()
    {
        var settings = NotifyApp.Settings(_smtp.Port);
        settings[OutboundAddressGuard.AllowPrivateNetworksKey] = null; // the default: public targets only
        var node = await StartNodeAsync(settings);
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<OrganisationWebhooks>()
                .AddAsync(OwnerOf("nobody"), "http://169.254.169.254/latest/meta-data/");
            Assert.Equal(WebhookOutcome.Invalid, refused.Outcome);
            Assert.StartsWith("「接收地址」指向链路本地地址", refused.Error);
        }

        // A name passes the entry check; it resolves to 127.0.0.1 and the connection is refused (as with DNS rebinding).
        var path = $"/hooks/{Guid.NewGuid():N}";
        var user = await AccountWithWebhookAsync(node, $"http://localhost:{new Uri(_receiver.BaseUrl).Port}{path}");
        await node.Services.GetRequiredService<Notifier>().NotifyOrganisationAsync("ssrf:1", user.Id, "内网测试", "正文", null, default);
        await Eventually.HoldsAsync(async () => (await OutboxAsync()).SingleOrDefault(m => m.Channel == DeliveryChannel.Webhook)
            is { Status: DeliveryStatus.Failed }, "the webhook message given up");
        var hook = (await OutboxAsync()).Single(m => m.Channel == DeliveryChannel.Webhook);
        Assert.Equal(1, hook.Attempts); // refused for good, not retried
        Assert.Contains("已拒绝", hook.LastError);
        Assert.Contains("本机回环地址", hook.LastError);
        Assert.Empty(_receiver.CallsTo(path));
    }

    [Fact]
    public async Task A_secret_stored_in_clear_by_an_older_version_is_encrypted_at_start_and_still_signs()
    {
        var first = await StartNodeAsync(NotifyApp.Settings(_smtp.Port));
        var path = $"/hooks/{Guid.NewGuid():N}";
        var user = await AccountWithWebhookAsync(first, _receiver.BaseUrl + path);
        const string legacy = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"; // as the previous version stored it: in clear
        await using (var db = Db())
            await db.Set<WebhookEndpoint>().Where(w => w.OrganisationId == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Secret, legacy));
        await StopAsync(first);

        var second = await StartNodeAsync(NotifyApp.Settings(_smtp.Port));
        await using (var db = Db())
        {
            var stored = await db.Set<WebhookEndpoint>().Where(w => w.OrganisationId == user.Id).Select(w => w.Secret).SingleAsync();
            Assert.StartsWith(WebhookSecrets.StoredPrefix, stored);
            Assert.DoesNotContain(legacy["whsec_".Length..], stored);
        }
        await second.Services.GetRequiredService<Notifier>().NotifyOrganisationAsync("legacy:1", user.Id, "旧密钥", "正文", null, default);
        await Eventually.HoldsAsync(() => _receiver.CallsTo(path).Count == 1, "the webhook call");
        Assert.True(WebhookReceiver.Verify(legacy, _receiver.CallsTo(path).Single()), "the person's secret still verifies");
    }

    [Fact]
    public async Task Two_nodes_sending_from_one_database_deliver_each_message_once()
    {
        var settings = NotifyApp.Settings(_smtp.Port);
        var a = await StartNodeAsync(settings);
        var b = await StartNodeAsync(settings);
        var path = $"/hooks/{Guid.NewGuid():N}";
        var user = await AccountWithWebhookAsync(a, _receiver.BaseUrl + path);
        const int count = 20;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            (i % 2 == 0 ? a : b).Services.GetRequiredService<Notifier>()
                .NotifyOrganisationAsync($"burst:{i}", user.Id, $"并发测试 {i}", "正文", null, default)));

        await Eventually.HoldsAsync(async () => (await OutboxAsync()) is { Count: 2 * count } all
            && all.All(m => m.Status == DeliveryStatus.Delivered), "every message delivered");
        var calls = _receiver.CallsTo(path);
        Assert.Equal(count, calls.Count);
        Assert.Equal(count, calls.Select(c => c.Id).Distinct().Count());
        var mails = _smtp.MessagesTo(user.Email!);
        Assert.Equal(count, mails.Count);
        Assert.Equal(count, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await OutboxAsync(), m => Assert.Equal(1, m.Attempts));
    }
}

public sealed class OutboxDeliveryTestsSqlite() : OutboxDeliveryTests(Provider.Sqlite);
public sealed class OutboxDeliveryTestsPostgres() : OutboxDeliveryTests(Provider.Postgres);
