using MailKit.Net.Smtp;
using MimeKit;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Sends an outbox e-mail through the configured SMTP server (MailKit), one connection per message. The message id is
/// the outbox row's, so a mail server or reader can tell a retry of the same message from a new one.
/// </summary>
public sealed class EmailSender(NotificationSettings settings, SuanbeiHostOptions host)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<DeliveryResult> SendAsync(OutboxMessage m, CancellationToken ct)
    {
        if (settings.Smtp is not { } smtp) return DeliveryResult.Failed(null, "未配置 SMTP 服务器（Suanbei:Smtp:Host），邮件未发送");
        var mail = new MimeMessage { Subject = m.Title, MessageId = $"{m.Id:N}@suanbei" };
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(m.Target));
        var link = AbsoluteLink(m.Link, host.PublicBaseUrl);
        mail.Body = new TextPart("plain") { Text = link is null ? m.Body : $"{m.Body}\n\n查看：{link}\n" };
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Tls, ct);
            if (smtp.User is { } user) await client.AuthenticateAsync(user, smtp.Password ?? "", ct);
            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
            return DeliveryResult.Ok();
        }
        catch (SmtpCommandException e)
        {
            return DeliveryResult.Failed((int)e.StatusCode, $"SMTP 服务器拒绝：{(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or MailKit.Security.AuthenticationException or IOException
                                      or System.Net.Sockets.SocketException)
        {
            return DeliveryResult.Failed(null, $"SMTP 连接失败：{e.Message}");
        }
    }

    /// <summary>A site path made absolute with <c>Suanbei:PublicBaseUrl</c> when set; otherwise the path as it is.</summary>
    public static string? AbsoluteLink(string? link, string? publicBaseUrl) =>
        link is not null && link.StartsWith('/') && publicBaseUrl is { } b ? b.TrimEnd('/') + link : link;
}
