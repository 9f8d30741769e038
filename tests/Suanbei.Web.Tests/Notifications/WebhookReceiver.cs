using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// A local webhook receiver on Kestrel. It records every call and answers 200, except on a path whose first segment
/// is <c>failN</c>: the first N calls to that path get 503 (a receiver that is down for a while).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Call(string Path, string? Id, string? Timestamp, string? Signature, string Body, int Answer);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    public ConcurrentQueue<Call> Calls { get; } = new();
    public string BaseUrl { get; }

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First();
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext c) =>
        {
            var body = await new StreamReader(c.Request.Body, Encoding.UTF8).ReadToEndAsync();
            var path = c.Request.Path.Value ?? "";
            var answer = receiver!.Answer(path);
            receiver.Calls.Enqueue(new Call(path, c.Request.Headers["webhook-id"], c.Request.Headers["webhook-timestamp"],
                c.Request.Headers["webhook-signature"], body, answer));
            return Results.StatusCode(answer);
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app);
        return receiver;
    }

    private int Answer(string path)
    {
        var first = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!first.StartsWith("fail", StringComparison.Ordinal) || !int.TryParse(first[4..], out var n)) return 200;
        var left = _failuresLeft.AddOrUpdate(path, n - 1, (_, v) => v - 1);
        return left >= 0 ? 503 : 200;
    }

    public List<Call> CallsTo(string path) => Calls.Where(c => c.Path == path).ToList();

    /// <summary>
    /// The receiver's check as the Standard Webhooks specification describes it, written here independently of the
    /// app: HMAC-SHA256 over "{id}.{timestamp}.{body}" keyed with the base64 secret after "whsec_", compared in
    /// constant time with each "v1," signature of the header, and a timestamp within five minutes.
    /// </summary>
    public static bool Verify(string secret, Call call)
    {
        if (call.Id is null || call.Timestamp is null || call.Signature is null) return false;
        if (!long.TryParse(call.Timestamp, out var ts) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) > 300) return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{call.Id}.{call.Timestamp}.{call.Body}"));
        return call.Signature.Split(' ').Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
