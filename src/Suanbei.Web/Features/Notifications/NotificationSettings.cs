using System.Globalization;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The operator's notification settings, from the <c>Suanbei:Smtp</c> and <c>Suanbei:Notifications</c> configuration
/// sections (appsettings, environment variables such as <c>Suanbei__Smtp__Password</c>, or the command line). A bad value
/// stops the start with a message naming the key. E-mail is off while <c>Suanbei:Smtp:Host</c> is empty.
/// </summary>
public sealed record NotificationSettings
{
    public SmtpSettings? Smtp { get; init; }
    /// <summary>How often an idle sender looks for due messages (new messages wake it at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>The wait before the first retry; each further retry waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Attempts before a message is given up (marked failed in the delivery log).</summary>
    public int MaxAttempts { get; init; } = 8;
    /// <summary>How long a claimed message stays reserved for its sender; longer than one delivery can take.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Working days before a deadline when its owner is reminded.</summary>
    public int DeadlineWarningWorkingDays { get; init; } = 3;
    public TimeSpan DeadlineScanInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan RetryAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
    }

    public static NotificationSettings From(IConfiguration configuration)
    {
        var n = configuration.GetSection("Suanbei:Notifications");
        var d = new NotificationSettings();
        return new NotificationSettings
        {
            Smtp = SmtpSettings.Read(configuration.GetSection("Suanbei:Smtp")),
            PollInterval = Seconds(n, "PollSeconds", d.PollInterval),
            RetryDelay = Seconds(n, "RetrySeconds", d.RetryDelay),
            MaxRetryDelay = Seconds(n, "MaxRetrySeconds", d.MaxRetryDelay),
            MaxAttempts = (int)Number(n, "MaxAttempts", d.MaxAttempts, 1, 100),
            Lease = Seconds(n, "LeaseSeconds", d.Lease),
            DeadlineWarningWorkingDays = (int)Number(n, "DeadlineWarningDays", d.DeadlineWarningWorkingDays, 0, 60),
            DeadlineScanInterval = TimeSpan.FromMinutes(Number(n, "DeadlineScanMinutes", d.DeadlineScanInterval.TotalMinutes, 0.01, 1440)),
        };
    }

    private static TimeSpan Seconds(IConfigurationSection s, string key, TimeSpan fallback) =>
        TimeSpan.FromSeconds(Number(s, key, fallback.TotalSeconds, 0.01, 86400));

    internal static double Number(IConfigurationSection s, string key, double fallback, double min, double max)
    {
        var text = s[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new InvalidOperationException($"配置 {s.Path}:{key} 无效：“{text}”应为 {min}–{max} 之间的数");
        return value;
    }
}
