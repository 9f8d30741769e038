using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// Review decisions and deadlines reach the filer in the notification centre, by e-mail through a real SMTP server
/// and by signed webhook to a local receiver; an event reaches a recipient once; failing receivers are retried.
/// </summary>
public abstract class NotificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : NotifyApp
{
    private async Task<(string Path, string Secret)> RegisterWebhookAsync(HttpClient browser, string prefix = "hooks")
    {
        var path = $"/{prefix}/{Guid.NewGuid():N}";
        return (path, await app.AddWebhookOnPageAsync(browser, path));
    }

    private Task<List<OutboxMessage>> OutboxAsync(string eventKey) =>
        app.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventKey == eventKey).ToListAsync());

    [Fact]
    public async Task A_return_reaches_the_owner_in_the_centre_by_email_and_by_a_signed_webhook()
    {
        var filer = await ApprovedFilerAsync(app);
        var browser = await app.SignInAsync(filer.User.Email!);
        var (path, secret) = await RegisterWebhookAsync(browser);
        Assert.DoesNotContain("whsec_", await browser.GetStringAsync("/notifications/webhooks")); // the secret is shown once
        var stored = await app.WithDb(db => db.Set<WebhookEndpoint>().Where(w => w.OrganisationId == filer.User.Id).Select(w => w.Secret)
            .SingleAsync());
        Assert.StartsWith(WebhookSecrets.StoredPrefix, stored); // encrypted at rest
        Assert.DoesNotContain(secret, stored);
        Assert.DoesNotContain(secret["whsec_".Length..], stored);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteFilingViaApiAsync(api, filer, "退回通知测试算法");
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/start-first-review", null));
        await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/filings/{id}/return",
            new { reasons = new[] { new { field = "scenarios", reason = "场景过于笼统" } } }));

        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(filer.User.Email!).Count == 1 && app.Receiver.CallsTo(path).Count == 1,
            "the e-mail and the webhook call");
        var mail = app.Smtp.MessagesTo(filer.User.Email!).Single();
        Assert.Equal("算法备案「退回通知测试算法」被退回补正（第 1 次）", mail.Subject);
        Assert.Contains("使用场景：场景过于笼统", mail.TextBody);
        Assert.Contains($"/filings/{id}", mail.TextBody);
        Assert.Equal("noreply@suanbei.test", mail.From.Mailboxes.Single().Address);

        var call = app.Receiver.CallsTo(path).Single();
        Assert.True(WebhookReceiver.Verify(secret, call), "the signature verifies with the secret shown once");
        Assert.False(WebhookReceiver.Verify(secret, call with { Body = call.Body.Replace("笼统", "具体") }), "a changed body fails");
        var json = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("filing-returned", json.GetProperty("type").GetString());
        Assert.Equal(mail.Subject, json.GetProperty("data").GetProperty("title").GetString());
        Assert.Equal($"/filings/{id}", json.GetProperty("data").GetProperty("link").GetString());

        var key = $"filing-returned:{id:N}:1";
        await Eventually.HoldsAsync(async () => (await OutboxAsync(key)).All(m => m.Status == DeliveryStatus.Delivered), "delivered");
        Assert.Equal(2, (await OutboxAsync(key)).Count);
        var centre = await browser.GetStringAsync("/notifications");
        Assert.Contains("通知（1）", centre);
        Assert.Contains("使用场景：场景过于笼统", centre);
        var log = await browser.GetStringAsync("/notifications/deliveries");
        Assert.Contains("电子邮件", log);
        Assert.Contains(app.Receiver.BaseUrl + path, log);
        Assert.Equal(2, Regex.Matches(log, "已送达").Count);
    }

    [Fact]
    public async Task An_invitation_is_mailed_once_through_the_smtp_server_with_its_link()
    {
        var (owner, pages) = await app.SignedInAsync(Roles.Filer);
        await pages.GetAsync("/organisations"); // creates the personal organisation
        var members = $"/organisations/{owner.Id}/members";
        var invited = TestApp.NewEmail("invited");
        var response = await pages.PostFormAsync(members, new() { ["Invite.Email"] = invited, ["Invite.Role"] = "Editor" },
            url: members + "?handler=Invite");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("邀请邮件已发送", html);
        var link = WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"invitation-link\">([^<]+)<").Groups[1].Value);
        Assert.Contains("/organisations/invitations/", link);

        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(invited).Count == 1, "the invitation e-mail");
        var mail = app.Smtp.MessagesTo(invited).Single();
        Assert.StartsWith("邀请您加入「", mail.Subject);
        Assert.Contains("「编辑」", mail.TextBody);
        Assert.Contains(new Uri(link).PathAndQuery, mail.TextBody);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(app.Smtp.MessagesTo(invited)); // one invitation, one mail
    }

    [Fact]
    public async Task Marking_read_clears_the_unread_count_and_another_account_cannot_mark_it()
    {
        var owner = await app.CreateUserAsync(Roles.Filer);
        var notifier = app.App.Services.GetRequiredService<Notifier>();
        await notifier.NotifyAccountAsync($"test-read:{owner.Id}:1", owner.Id, "第一条", "正文一", null, default);
        await notifier.NotifyAccountAsync($"test-read:{owner.Id}:2", owner.Id, "第二条", "正文二", "/deadlines", default);
        var browser = await app.SignInAsync(owner.Email!);
        Assert.Contains("通知（2）", await browser.GetStringAsync("/notifications"));
        var ids = await app.WithDb(db => db.Set<Notification>().Where(n => n.AccountId == owner.Id).OrderBy(n => n.Title)
            .Select(n => n.Id).ToListAsync());

        var (_, stranger) = await app.SignedInAsync(Roles.Filer);
        var foreign = await stranger.PostFormAsync("/notifications", new() { ["id"] = ids[0].ToString() }, "/notifications?handler=Read");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains("通知（2）", await browser.GetStringAsync("/notifications"));

        var one = await browser.PostFormAsync("/notifications", new() { ["id"] = ids[0].ToString() }, "/notifications?handler=Read");
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Contains("通知（1）", await browser.GetStringAsync("/notifications"));
        var all = await browser.PostFormAsync("/notifications", new(), "/notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        var page = await browser.GetStringAsync("/notifications");
        Assert.DoesNotContain("通知（", page);
        Assert.Contains("第二条", page);
    }

    [Fact]
    public async Task Publication_and_refusal_are_notified_to_the_owner()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var published = await CompleteFilingViaApiAsync(api, filer, "公示通知测试算法");
        await ToSecondReviewAsync(app, api, reviewer, published);
        var number = (await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{published}/publish", null)))
            .GetProperty("filingNumber").GetString();
        var refused = await CompleteFilingViaApiAsync(api, filer, "驳回通知测试算法");
        await Ok(await api.PostAsync($"/api/v1/filings/{refused}/submit", null));
        await Ok(await reviewer.PostAsJsonAsync($"/api/v1/review/filings/{refused}/refuse", new { reason = "不属于备案范围" }));

        var page = await (await app.SignInAsync(filer.User.Email!)).GetStringAsync("/notifications");
        Assert.Contains("算法备案「公示通知测试算法」已通过审核并公示", page);
        Assert.Contains($"备案编号 {number}", page);
        Assert.Contains("算法备案「驳回通知测试算法」不予备案", page);
        Assert.Contains("理由：不属于备案范围", page);
        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(filer.User.Email!).Count == 2, "two e-mails");
    }

    [Fact]
    public async Task The_same_event_reported_twice_reaches_each_recipient_once()
    {
        var owner = await app.CreateUserAsync(Roles.Filer);
        var (path, _) = await RegisterWebhookAsync(await app.SignInAsync(owner.Email!));
        var notifier = app.App.Services.GetRequiredService<Notifier>();
        var key = $"test-twice:{owner.Id}";
        await Task.WhenAll(
            notifier.NotifyOrganisationAsync(key, owner.Id, "重复事件", "正文", null, default),
            notifier.NotifyOrganisationAsync(key, owner.Id, "重复事件", "正文", null, default));
        await notifier.NotifyOrganisationAsync(key, owner.Id, "重复事件", "正文", null, default);
        var guest = TestApp.NewEmail("guest");
        var invitation = $"invitation:{Guid.NewGuid():N}";
        await notifier.EmailAsync(invitation, guest, "邀请您加入", "请注册后接受邀请。", "/account/register", default);
        await notifier.EmailAsync(invitation, guest.ToUpperInvariant(), "邀请您加入", "请注册后接受邀请。", "/account/register", default);

        await Eventually.HoldsAsync(async () => (await OutboxAsync(key)).All(m => m.Status == DeliveryStatus.Delivered)
            && (await OutboxAsync(invitation)).All(m => m.Status == DeliveryStatus.Delivered), "delivery");
        Assert.Equal(1, await app.WithDb(db => db.Set<Notification>().CountAsync(n => n.EventKey == key)));
        Assert.Equal(new[] { DeliveryChannel.Email, DeliveryChannel.Webhook }, (await OutboxAsync(key)).Select(m => m.Channel).Order());
        Assert.Single(app.Smtp.MessagesTo(owner.Email!));
        Assert.Single(app.Receiver.CallsTo(path));
        Assert.Single(await OutboxAsync(invitation));
        Assert.Equal("邀请您加入", app.Smtp.MessagesTo(guest).Single().Subject);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_until_delivered_and_the_log_shows_every_attempt()
    {
        var owner = await app.CreateUserAsync(Roles.Filer);
        var browser = await app.SignInAsync(owner.Email!);
        var (path, secret) = await RegisterWebhookAsync(browser, "fail2");
        var key = $"test-retry:{owner.Id}";
        await app.App.Services.GetRequiredService<Notifier>().NotifyOrganisationAsync(key, owner.Id, "重试测试", "正文", null, default);

        await Eventually.HoldsAsync(async () => (await OutboxAsync(key)).All(m => m.Status == DeliveryStatus.Delivered), "delivery");
        var calls = app.Receiver.CallsTo(path);
        Assert.Equal(new[] { 503, 503, 200 }, calls.Select(c => c.Answer));
        Assert.Single(calls.Select(c => c.Id).Distinct()); // retries keep the message id, so receivers can drop duplicates
        Assert.All(calls, c => Assert.True(WebhookReceiver.Verify(secret, c)));
        var hook = (await OutboxAsync(key)).Single(m => m.Channel == DeliveryChannel.Webhook);
        var attempts = await app.WithDb(db => db.Set<DeliveryAttempt>().Where(a => a.MessageId == hook.Id).OrderBy(a => a.Number)
            .Select(a => a.StatusCode).ToListAsync());
        Assert.Equal(new int?[] { 503, 503, 200 }, attempts);
        var log = await browser.GetStringAsync("/notifications/deliveries");
        Assert.Equal(2, Regex.Matches(log, "失败（503）").Count);
        Assert.Contains("成功（200）", log);
        Assert.Contains("接收方答复 HTTP 503", log);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_the_last_attempt()
    {
        var owner = await app.CreateUserAsync(Roles.Filer);
        var browser = await app.SignInAsync(owner.Email!);
        var (path, _) = await RegisterWebhookAsync(browser, "fail99");
        var key = $"test-give-up:{owner.Id}";
        await app.App.Services.GetRequiredService<Notifier>().NotifyOrganisationAsync(key, owner.Id, "放弃测试", "正文", null, default);

        await Eventually.HoldsAsync(async () => (await OutboxAsync(key)).Single(m => m.Channel == DeliveryChannel.Webhook).Status
            == DeliveryStatus.Failed, "giving up");
        Assert.Equal(4, app.Receiver.CallsTo(path).Count);
        Assert.Contains("发送失败", await browser.GetStringAsync("/notifications/deliveries"));
    }

    [Fact]
    public async Task A_deleted_webhook_is_deleted_only_by_its_organisation_and_its_pending_messages_are_given_up_at_once()
    {
        var (owner, browser) = await app.SignedInAsync(Roles.Filer);
        await RegisterWebhookAsync(browser);
        var hook = await app.WithDb(db => db.Set<WebhookEndpoint>().SingleAsync(w => w.OrganisationId == owner.Id));
        var (_, stranger) = await app.SignedInAsync(Roles.Filer);
        var foreign = await stranger.PostFormAsync("/notifications/webhooks", new() { ["id"] = hook.Id.ToString() },
            "/notifications/webhooks?handler=Delete");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var deleted = await browser.PostFormAsync("/notifications/webhooks", new() { ["id"] = hook.Id.ToString() },
            "/notifications/webhooks?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        // A message written for the webhook just before it was deleted.
        var key = $"test-deleted:{owner.Id}";
        await app.WithDb(async db =>
        {
            db.Add(new OutboxMessage(key, DeliveryChannel.Webhook, hook.Id.ToString("N"), null, "已删除", "正文", null,
                DateTimeOffset.UtcNow, owner.Id));
            return await db.SaveChangesAsync();
        });
        await Eventually.HoldsAsync(async () => (await OutboxAsync(key)).Single().Status == DeliveryStatus.Failed, "giving up");
        Assert.Equal(1, (await OutboxAsync(key)).Single().Attempts);
        Assert.Contains("该 Webhook 已删除", await browser.GetStringAsync("/notifications/deliveries"));
    }

    [Fact]
    public async Task A_webhook_address_that_is_not_a_web_address_is_refused_with_a_chinese_message()
    {
        var (user, browser) = await app.SignedInAsync(Roles.Filer);
        var r = await browser.PostFormAsync("/notifications/webhooks", new() { ["Address"] = "ftp://example.cn/hook" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = await r.Content.ReadAsStringAsync();
        Assert.Contains("「接收地址」须为 http:// 或 https:// 开头的完整网址", page);
        Assert.Contains("ftp://example.cn/hook", page); // the input is kept
        Assert.Equal(0, await app.WithDb(db => db.Set<WebhookEndpoint>().CountAsync(w => w.OrganisationId == user.Id)));
    }

    [Fact]
    public async Task Deadlines_approaching_and_overdue_are_reminded_once()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var overdue = await CompleteFilingViaApiAsync(api, filer, "逾期提醒测试算法"); // launched 2026-10-01, never submitted
        var soon = await CompleteFilingViaApiAsync(api, filer, "临近提醒测试算法");
        var today = ChinaTime.Date(DateTimeOffset.UtcNow);
        await Ok(await api.PutAsJsonAsync($"/api/v1/filings/{soon}/basic", new
        {
            name = "临近提醒测试算法", type = "GenerationSynthesis", domain = "智能写作", launchDate = today.ToString("yyyy-MM-dd"),
            role = "ServiceProvider", mainPurpose = "应用于智能写作场景，根据用户输入的主题生成文章。",
            selfAssessmentReportId = filer.MaterialId, disclosureDocumentId = filer.MaterialId,
        }, Json));

        for (var i = 0; i < 2; i++)
            await app.WithServices(sp => sp.GetRequiredService<DeadlineReminders>().ScanAsync(default));

        var keys = await app.WithDb(db => db.Set<Notification>().Where(n => n.AccountId == filer.User.Id)
            .Select(n => n.EventKey).ToListAsync());
        Assert.Single(keys, k => k.StartsWith($"deadline-overdue:start-{overdue}@suanbei:", StringComparison.Ordinal));
        Assert.Single(keys, k => k.StartsWith($"deadline-approaching:start-{soon}@suanbei:", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.StartsWith($"deadline-approaching:start-{overdue}", StringComparison.Ordinal));
        var page = await (await app.SignInAsync(filer.User.Email!)).GetStringAsync("/notifications");
        Assert.Contains("备案期限已过：「逾期提醒测试算法」上线后备案", page);
        Assert.Contains("备案期限临近：「临近提醒测试算法」上线后备案", page);
    }
}

public sealed class NotificationTestsSqlite(NotifySqliteApp app) : NotificationTests<NotifySqliteApp>(app);
public sealed class NotificationTestsPostgres(NotifyPostgresApp app) : NotificationTests<NotifyPostgresApp>(app);
