using Microsoft.Extensions.Configuration;
using Suanbei.Web.Features.Notifications;

namespace Suanbei.Web.Tests.Notifications;

public sealed class NotificationSettingsTests
{
    private static NotificationSettings Read(params (string Key, string Value)[] values) => NotificationSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_maximum()
    {
        var s = Read(("Suanbei:Notifications:RetrySeconds", "30"), ("Suanbei:Notifications:MaxRetrySeconds", "200"));
        Assert.Equal(new[] { 30, 60, 120, 200, 200 }, Enumerable.Range(1, 5).Select(a => (int)s.RetryAfter(a).TotalSeconds));
    }

    [Fact]
    public void Mail_is_off_without_a_host_and_a_bad_value_names_its_key()
    {
        Assert.Null(Read().Smtp);
        var tls = Assert.Throws<InvalidOperationException>(() => Read(("Suanbei:Smtp:Host", "mail.example.cn"),
            ("Suanbei:Smtp:From", "noreply@example.cn"), ("Suanbei:Smtp:Tls", "ssl3")));
        Assert.Contains("Suanbei:Smtp:Tls", tls.Message);
        var from = Assert.Throws<InvalidOperationException>(() => Read(("Suanbei:Smtp:Host", "mail.example.cn")));
        Assert.Contains("Suanbei:Smtp:From", from.Message);
        var days = Assert.Throws<InvalidOperationException>(() => Read(("Suanbei:Notifications:DeadlineWarningDays", "三")));
        Assert.Contains("Suanbei:Notifications:DeadlineWarningDays", days.Message);
    }

    [Fact]
    public void Smtp_settings_never_show_the_password()
    {
        var s = Read(("Suanbei:Smtp:Host", "mail.example.cn"), ("Suanbei:Smtp:User", "suanbei"), ("Suanbei:Smtp:Password", "s3cret-pw"),
            ("Suanbei:Smtp:From", "算备 <noreply@example.cn>"), ("Suanbei:Smtp:Tls", "tls")).Smtp!;
        Assert.Equal(465, s.Port);
        Assert.DoesNotContain("s3cret-pw", s.ToString());
        Assert.DoesNotContain("s3cret-pw", (s with { }).ToString());
    }

    [Fact]
    public void Signatures_match_the_standard_webhooks_test_vector()
    {
        // The example of the Standard Webhooks specification (and its reference libraries' tests).
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    [Fact]
    public void Working_days_left_count_the_days_after_today_up_to_the_due_date()
    {
        Assert.Equal(4, DeadlineReminders.WorkingDaysLeft(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 4)));
        Assert.Equal(0, DeadlineReminders.WorkingDaysLeft(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 4)));
        Assert.Equal(1, DeadlineReminders.WorkingDaysLeft(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 7))); // over a weekend
    }
}
