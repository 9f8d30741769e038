using MailKit.Security;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The SMTP server mail goes through (<c>Suanbei:Smtp:Host</c>, <c>Port</c>, <c>Tls</c> = none | starttls | tls | auto,
/// <c>User</c>, <c>Password</c>, <c>From</c>). <see cref="ToString"/> never shows the password, so the settings can be logged.
/// </summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Tls, string? User, string? Password, string From)
{
    private static readonly Dictionary<string, SecureSocketOptions> TlsModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = SecureSocketOptions.None,
        ["starttls"] = SecureSocketOptions.StartTls,
        ["tls"] = SecureSocketOptions.SslOnConnect,
        ["auto"] = SecureSocketOptions.Auto,
    };

    /// <summary>Null when no host is set (e-mail off).</summary>
    public static SmtpSettings? Read(IConfigurationSection s)
    {
        if (string.IsNullOrWhiteSpace(s["Host"])) return null;
        var tlsText = string.IsNullOrWhiteSpace(s["Tls"]) ? "starttls" : s["Tls"]!.Trim();
        if (!TlsModes.TryGetValue(tlsText, out var tls))
            throw new InvalidOperationException($"配置 {s.Path}:Tls 无效：“{tlsText}”应为 none、starttls、tls 或 auto");
        var defaultPort = tls == SecureSocketOptions.SslOnConnect ? 465 : 587;
        var port = (int)NotificationSettings.Number(s, "Port", defaultPort, 1, 65535);
        var from = s["From"]?.Trim();
        if (string.IsNullOrEmpty(from) || !MimeKit.MailboxAddress.TryParse(from, out _))
            throw new InvalidOperationException($"配置 {s.Path}:From 无效：须为发件地址（如 算备 <noreply@example.cn>）");
        return new SmtpSettings(s["Host"]!.Trim(), port, tls, NullIfBlank(s["User"]), NullIfBlank(s["Password"]), from);
    }

    public override string ToString() =>
        $"{Host}:{Port} ({Tls}), user {User ?? "(none)"}, password {(Password is null ? "(none)" : "(set)")}, from {From}";

    private static string? NullIfBlank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v;
}
