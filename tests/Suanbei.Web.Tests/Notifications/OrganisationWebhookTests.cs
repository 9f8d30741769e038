using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Features.Organisations;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// Webhooks belong to an organisation: an organisation event reaches each of its endpoints once, however many members
/// it has; an account's own events never reach them; owners manage them, other members only read; every change is on
/// record with the member's name; another organisation can neither see, change nor trigger them (pages and API).
/// </summary>
public abstract class OrganisationWebhookTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : NotifyApp
{
    private const string Header = OrganisationClaimsTransformation.HeaderName;
    private const string Page = "/notifications/webhooks";

    /// <summary>An organisation with an owner, an editor and a viewer, each with pages and an API client acting for it.</summary>
    private sealed record Team(string Id, AppUser Owner, HttpClient OwnerPages, HttpClient OwnerApi, HttpClient EditorPages,
        HttpClient EditorApi, AppUser Viewer, HttpClient ViewerPages, HttpClient ViewerApi);

    private async Task<Team> TeamAsync()
    {
        var owner = await app.CreateUserAsync(Roles.Filer);
        var editor = await app.CreateUserAsync(Roles.Filer);
        var viewer = await app.CreateUserAsync(Roles.Filer);
        var id = Guid.NewGuid().ToString();
        await app.WithDb(db =>
        {
            var now = DateTimeOffset.UtcNow;
            var org = new Organisation(id, "云雀科技" + id[..4], OrganisationKind.Subject, owner.Id, now);
            org.Join(editor.Id, MemberRole.Editor, now);
            org.Join(viewer.Id, MemberRole.Viewer, now);
            db.Users.Add(OrganisationService.PlaceholderAccount(id));
            db.Add(org);
            return db.SaveChangesAsync();
        });
        async Task<HttpClient> Acting(Task<HttpClient> client)
        {
            var c = await client;
            c.DefaultRequestHeaders.Add(Header, id);
            return c;
        }
        return new Team(id, owner, await Acting(app.SignInAsync(owner.Email!)), await Acting(app.ApiClientAsync(owner)),
            await Acting(app.SignInAsync(editor.Email!)), await Acting(app.ApiClientAsync(editor)),
            viewer, await Acting(app.SignInAsync(viewer.Email!)), await Acting(app.ApiClientAsync(viewer)));
    }

    /// <summary>Adds a webhook on the page; returns the receiver path, the secret shown once and the endpoint's id.</summary>
    private async Task<(string Path, string Secret, Guid Id)> AddAsync(HttpClient pages)
    {
        var path = $"/org-hooks/{Guid.NewGuid():N}";
        var secret = await app.AddWebhookOnPageAsync(pages, path);
        var url = app.Receiver.BaseUrl + path;
        var id = await app.WithDb(db => db.Set<WebhookEndpoint>().Where(w => w.Url == url).Select(w => w.Id).SingleAsync());
        return (path, secret, id);
    }

    private Task<WebhookEndpoint?> EndpointAsync(Guid id) =>
        app.WithDb(db => db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(w => w.Id == id));

    private Task<List<OutboxMessage>> OutboxAsync(string eventKey) =>
        app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventKey == eventKey).ToListAsync());

    private Notifier Notifier => app.App.Services.GetRequiredService<Notifier>();

    private static Task<HttpResponseMessage> PostHandlerAsync(HttpClient pages, string handler, Guid id,
        Dictionary<string, string>? more = null) =>
        pages.PostFormAsync(Page, new(more ?? []) { ["id"] = id.ToString() }, $"{Page}?handler={handler}");

    [Fact]
    public async Task An_organisation_event_reaches_each_of_its_webhooks_once_however_many_members_report_it()
    {
        var team = await TeamAsync();
        var (first, _, _) = await AddAsync(team.OwnerPages);
        var (second, secret, _) = await AddAsync(team.OwnerPages);
        var key = $"org-event:{team.Id}";
        await Task.WhenAll(
            Notifier.NotifyOrganisationAsync(key, team.Id, "机构事件", "正文", "/filings", default),
            Notifier.NotifyOrganisationAsync(key, team.Id, "机构事件", "正文", "/filings", default));
        await Notifier.NotifyOrganisationAsync(key, team.Id, "机构事件", "正文", "/filings", default);

        await Eventually.HoldsAsync(async () => (await OutboxAsync(key)).Where(m => m.Channel == DeliveryChannel.Webhook)
            .Count(m => m.Status == DeliveryStatus.Delivered) == 2, "both webhook calls delivered");
        var calls = await OutboxAsync(key);
        Assert.Equal(2, calls.Count(m => m.Channel == DeliveryChannel.Webhook));
        Assert.All(calls.Where(m => m.Channel == DeliveryChannel.Webhook), m => Assert.Equal(team.Id, m.OrganisationId));
        Assert.Single(app.Receiver.CallsTo(first));
        var call = Assert.Single(app.Receiver.CallsTo(second));
        Assert.True(WebhookReceiver.Verify(secret, call));
        Assert.Equal(team.Id, JsonDocument.Parse(call.Body).RootElement.GetProperty("organisation").GetString());
        // The centre: the owner and the editor; the viewer only reads.
        Assert.Equal(2, await app.WithDb(db => db.Set<Notification>().CountAsync(n => n.EventKey == key)));
    }

    [Fact]
    public async Task An_accounts_own_events_do_not_reach_the_organisations_webhooks()
    {
        var team = await TeamAsync();
        var (path, _, _) = await AddAsync(team.OwnerPages);
        var key = $"account-event:{team.Owner.Id}";
        await Notifier.NotifyAccountAsync(key, team.Owner.Id, "个人事项", "正文", null, default);
        var invitation = $"invitation:{Guid.NewGuid():N}";
        await Notifier.EmailAsync(invitation, team.Owner.Email!, "邀请您加入", "请接受邀请。", null, default);

        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(team.Owner.Email!).Count == 2, "both e-mails");
        Assert.Equal(1, await app.WithDb(db => db.Set<Notification>().CountAsync(n => n.EventKey == key)));
        Assert.DoesNotContain(await OutboxAsync(key), m => m.Channel == DeliveryChannel.Webhook);
        Assert.DoesNotContain(await OutboxAsync(invitation), m => m.Channel == DeliveryChannel.Webhook);
        Assert.Empty(app.Receiver.CallsTo(path));
    }

    [Fact]
    public async Task Members_see_the_webhooks_read_only_and_only_owners_change_them()
    {
        var team = await TeamAsync();
        var (path, secret, id) = await AddAsync(team.OwnerPages);
        var before = await EndpointAsync(id);

        foreach (var (pages, api) in new[] { (team.EditorPages, team.EditorApi), (team.ViewerPages, team.ViewerApi) })
        {
            var html = await pages.GetStringAsync(Page);
            Assert.Contains(app.Receiver.BaseUrl + path, html);
            Assert.Contains("data-testid=\"webhooks-read-only\"", html);
            Assert.DoesNotContain("data-testid=\"add-webhook\"", html);
            Assert.DoesNotContain("data-testid=\"webhook-rotate\"", html);
            Assert.Equal(HttpStatusCode.Forbidden, (await pages.PostFormAsync(Page, new() { ["Address"] = "https://example.cn/x" }))
                .StatusCode);
            foreach (var handler in new[] { "Address", "Rotate", "Disable", "Test", "Delete" })
                Assert.Equal(HttpStatusCode.Forbidden,
                    (await PostHandlerAsync(pages, handler, id, new() { ["newAddress"] = "https://example.cn/y" })).StatusCode);
            Assert.Contains(app.Receiver.BaseUrl + path, await api.GetStringAsync("/api/v1/webhooks"));
            Assert.Equal(HttpStatusCode.Forbidden,
                (await api.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://example.cn/x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/webhooks/{id}/test", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
        }
        var untouched = await EndpointAsync(id);
        Assert.Equal(before!.Secret, untouched!.Secret);
        Assert.True(untouched.Enabled);
        Assert.Equal(1, await app.WithDb(db => db.Set<WebhookEndpoint>().CountAsync(w => w.OrganisationId == team.Id)));
        Assert.Empty(app.Receiver.CallsTo(path));

        // The owner re-keys it: the new secret is shown once and signs from now on.
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(team.OwnerPages, "Rotate", id)).StatusCode);
        var rotated = NotifyApp.SecretShownOn(await team.OwnerPages.GetStringAsync(Page));
        Assert.StartsWith("whsec_", rotated);
        Assert.NotEqual(secret, rotated);
        // Paused, it hears nothing new; enabled again, a test call arrives signed with the new secret.
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(team.OwnerPages, "Disable", id)).StatusCode);
        var paused = $"paused:{team.Id}";
        await Notifier.NotifyOrganisationAsync(paused, team.Id, "停用期间", "正文", null, default);
        Assert.DoesNotContain(await OutboxAsync(paused), m => m.Channel == DeliveryChannel.Webhook);
        Assert.Contains("已停用", await team.EditorPages.GetStringAsync(Page));
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(team.OwnerPages, "Enable", id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(team.OwnerPages, "Test", id)).StatusCode);
        await Eventually.HoldsAsync(() => app.Receiver.CallsTo(path).Count == 1, "the test call");
        var test = app.Receiver.CallsTo(path).Single();
        Assert.True(WebhookReceiver.Verify(rotated, test));
        Assert.False(WebhookReceiver.Verify(secret, test));
        Assert.Equal(OrganisationWebhooks.TestEventKind, JsonDocument.Parse(test.Body).RootElement.GetProperty("type").GetString());
        Assert.Contains("Webhook 测试", await team.ViewerPages.GetStringAsync("/notifications/deliveries"));

        // A bad address is refused naming the field, and the input is kept.
        var refused = await PostHandlerAsync(team.OwnerPages, "Address", id, new() { ["newAddress"] = "ftp://example.cn/hook" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("「接收地址」须为 http:// 或 https:// 开头的完整网址", page);
        Assert.Contains("ftp://example.cn/hook", page);
        var moved = await team.OwnerApi.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = app.Receiver.BaseUrl + path + "/v2" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.OwnerApi.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
        Assert.Null(await EndpointAsync(id));

        var changes = (await Ok(await team.EditorApi.GetAsync("/api/v1/webhooks/changes"))).EnumerateArray().ToList();
        Assert.Equal(new[] { "Added", "AddressChanged", "Deleted", "Disabled", "Enabled", "SecretRotated", "TestSent" },
            changes.Select(c => c.GetProperty("action").GetString()).Order());
        Assert.All(changes, c => Assert.Equal(team.Owner.Email, c.GetProperty("actorName").GetString()));
        Assert.Contains("更换签名密钥", await team.ViewerPages.GetStringAsync(Page));
    }

    [Fact]
    public async Task A_viewer_marks_their_own_notifications_read_but_still_changes_no_webhook()
    {
        var team = await TeamAsync();
        var key = "viewer-own-" + Guid.NewGuid().ToString("N")[..8];
        await Notifier.NotifyAccountAsync(key, team.Viewer.Id, "给只读成员的通知", "正文", null, CancellationToken.None);
        var id = await app.WithDb(db => db.Set<Notification>().Where(n => n.EventKey == key).Select(n => n.Id).SingleAsync());

        var read = await team.ViewerPages.PostFormAsync("/notifications", new() { ["id"] = id.ToString() },
            "/notifications?handler=Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.NotNull(await app.WithDb(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await team.ViewerPages.PostFormAsync(Page, new() { ["Address"] = "https://example.cn/x" })).StatusCode);
    }

    [Fact]
    public async Task Another_organisation_can_neither_see_change_nor_trigger_the_webhooks_or_their_log()
    {
        var a = await TeamAsync();
        var b = await TeamAsync();
        var (path, _, id) = await AddAsync(a.OwnerPages);
        var url = app.Receiver.BaseUrl + path;
        var key = $"isolated:{a.Id}";
        await Notifier.NotifyOrganisationAsync(key, a.Id, "甲机构的事项", "正文", null, default);
        await Eventually.HoldsAsync(() => app.Receiver.CallsTo(path).Count == 1, "A's call");
        var before = await EndpointAsync(id);

        // B's owner, also when asking to act for A (the request is not allowed, so it acts for its own organisation).
        var intruder = await app.SignInAsync(b.Owner.Email!);
        intruder.DefaultRequestHeaders.Add(Header, a.Id);
        foreach (var pages in new[] { b.OwnerPages, intruder })
        {
            Assert.DoesNotContain(url, await pages.GetStringAsync(Page));
            var log = await pages.GetStringAsync("/notifications/deliveries");
            Assert.DoesNotContain("甲机构的事项", log);
            Assert.DoesNotContain(url, log);
            foreach (var handler in new[] { "Address", "Rotate", "Disable", "Enable", "Test", "Delete" })
                Assert.Equal(HttpStatusCode.NotFound,
                    (await PostHandlerAsync(pages, handler, id, new() { ["newAddress"] = "https://example.cn/stolen" })).StatusCode);
        }
        var intruderApi = await app.ApiClientAsync(b.Owner);
        intruderApi.DefaultRequestHeaders.Add(Header, a.Id);
        foreach (var api in new[] { b.OwnerApi, intruderApi })
        {
            Assert.DoesNotContain(url, await api.GetStringAsync("/api/v1/webhooks"));
            Assert.DoesNotContain(key, await api.GetStringAsync("/api/v1/webhooks/deliveries"));
            Assert.DoesNotContain(url, await api.GetStringAsync("/api/v1/webhooks/changes"));
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/webhooks/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await api.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = "https://example.cn/stolen" })).StatusCode);
            foreach (var action in new[] { "rotate-secret", "disable", "enable", "test" })
                Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/webhooks/{id}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
        }

        var after = await EndpointAsync(id);
        Assert.Equal((before!.Url, before.Secret, before.Enabled), (after!.Url, after.Secret, after.Enabled));
        Assert.Single(app.Receiver.CallsTo(path)); // no test call went out
        Assert.Equal(1, await app.WithDb(db => db.Set<WebhookChange>().CountAsync(c => c.EndpointId == id)));
        // A's own members still see it and its log.
        Assert.Contains("甲机构的事项", await a.ViewerPages.GetStringAsync("/notifications/deliveries"));
        Assert.Contains(key, await a.EditorApi.GetStringAsync("/api/v1/webhooks/deliveries"));
    }

    [Fact]
    public async Task A_webhook_outlives_the_membership_of_the_owner_who_added_it()
    {
        var team = await TeamAsync();
        var leaving = await app.CreateUserAsync(Roles.Filer);
        await app.WithDb(async db =>
        {
            var org = await db.Set<Organisation>().Include(o => o.Members).SingleAsync(o => o.Id == team.Id);
            org.Join(leaving.Id, MemberRole.Owner, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var leavingPages = await app.SignInAsync(leaving.Email!);
        leavingPages.DefaultRequestHeaders.Add(Header, team.Id);
        var (path, _, id) = await AddAsync(leavingPages);
        var removed = await team.OwnerPages.PostFormAsync($"/organisations/{team.Id}/members", new() { ["userId"] = leaving.Id },
            url: $"/organisations/{team.Id}/members?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        Assert.DoesNotContain(app.Receiver.BaseUrl + path, await leavingPages.GetStringAsync(Page));
        Assert.Contains(app.Receiver.BaseUrl + path, await team.OwnerPages.GetStringAsync(Page));
        var key = $"after-leaving:{team.Id}";
        await Notifier.NotifyOrganisationAsync(key, team.Id, "成员离开之后", "正文", null, default);
        await Eventually.HoldsAsync(() => app.Receiver.CallsTo(path).Count == 1, "the organisation's call");
        Assert.Equal(HttpStatusCode.NotFound, (await PostHandlerAsync(leavingPages, "Delete", id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(team.OwnerPages, "Rotate", id)).StatusCode);
    }

}

public sealed class OrganisationWebhookTestsSqlite(NotifySqliteApp app) : OrganisationWebhookTests<NotifySqliteApp>(app);
public sealed class OrganisationWebhookTestsPostgres(NotifyPostgresApp app) : OrganisationWebhookTests<NotifyPostgresApp>(app);
