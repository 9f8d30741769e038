using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// POSTs an outbox message to its webhook as JSON, signed with the Standard Webhooks headers: <c>webhook-id</c> (the
/// same on every retry, so the receiver can drop duplicates), <c>webhook-timestamp</c> (Unix seconds of this attempt)
/// and <c>webhook-signature</c>. Any 2xx answer is delivered; anything else is retried, except a target the
/// <see cref="OutboundAddressGuard"/> refuses (on this machine or the internal network): that is given up at once.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory http, SuanbeiDbContext db, SuanbeiHostOptions host, TimeProvider clock,
    WebhookSecrets secrets)
{
    public const string HttpClientName = "webhooks";

    // Chinese stays readable in the body; the signature covers the exact bytes either way.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DeliveryResult> SendAsync(OutboxMessage m, CancellationToken ct)
    {
        var endpointId = Guid.TryParse(m.Target, out var g) ? g : Guid.Empty;
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == endpointId, ct);
        if (endpoint is null) return DeliveryResult.Gone("该 Webhook 已删除，不再重试");
        string secret;
        try { secret = secrets.Reveal(endpoint.Secret); }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return DeliveryResult.Gone("签名密钥无法解密（密钥环已更换或丢失），请删除此 Webhook 并重新添加");
        }
        if (!WebhookSecrets.IsProtected(endpoint.Secret)) // written in clear by an older node during an upgrade
            await db.Set<WebhookEndpoint>().Where(w => w.Id == endpoint.Id && w.Secret == endpoint.Secret)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Secret, secrets.Protect(secret)), ct);
        var id = "msg_" + m.Id.ToString("N");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var body = Payload(m, host.PublicBaseUrl, clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, body));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? DeliveryResult.Ok(code) : DeliveryResult.Failed(code, $"接收方答复 HTTP {code}");
        }
        catch (HttpRequestException e) when (e.InnerException is OutboundAddressRefusedException refused)
        {
            return DeliveryResult.Gone($"已拒绝：{refused.Message}");
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Failed(null, $"连接失败：{e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryResult.Failed(null, "接收方未在时限内答复");
        }
    }

    /// <summary>
    /// The JSON body: <c>type</c> is the event key's kind (before the first ':'), <c>organisation</c> the id of the
    /// organisation the event concerns (a receiver serving several tells them apart), <c>data</c> the notification as
    /// the centre shows it, with the link made absolute when <c>Suanbei:PublicBaseUrl</c> is set.
    /// </summary>
    public static string Payload(OutboxMessage m, string? publicBaseUrl, DateTimeOffset now) => JsonSerializer.Serialize(new
    {
        type = m.EventKey.Split(':')[0],
        timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        organisation = m.OrganisationId,
        data = new { eventKey = m.EventKey, title = m.Title, body = m.Body, link = EmailSender.AbsoluteLink(m.Link, publicBaseUrl) },
    }, Json);
}
