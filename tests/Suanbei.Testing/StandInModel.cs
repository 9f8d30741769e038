using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Suanbei.Testing;

/// <summary>
/// A local stand-in for the customer's model: a Kestrel app speaking OpenAI chat-completions, answering from a fixture
/// table (exact prompt → answer) or by rule: a prompt whose text contains <see cref="RefuseMarker"/> is refused, others
/// get a plain answer. Faults are planned per prompt: the first N requests for a prompt get 429 (with Retry-After),
/// 500 or a dropped connection. Every request is logged with its prompt, its Authorization header and what was sent back.
/// Shared by the runner's own tests and the web app's (evaluations started from the server).
/// </summary>
public sealed class StandInModel : IAsyncDisposable
{
    public const string RefuseMarker = "【拒】";
    public const string Refusal = "抱歉，我无法回答这个问题。";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _seen = new();

    public ConcurrentQueue<LoggedRequest> Log { get; } = new();
    public ConcurrentDictionary<string, string> Answers { get; } = new();
    public TimeSpan Latency { get; set; }
    /// <summary>For each prompt, the first this many requests get HTTP 429 with <c>Retry-After: RetryAfterSeconds</c>.</summary>
    public int TooManyRequestsFirst { get; set; }
    public int RetryAfterSeconds { get; set; }
    public int ServerErrorFirst { get; set; }
    public int DropConnectionFirst { get; set; }
    /// <summary>Answer every request with this status (401, 400 …) instead.</summary>
    public int? FixedStatus { get; set; }
    public string BaseUrl { get; }

    private StandInModel(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<StandInModel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        StandInModel? model = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => model!.Handle(context));
        await app.StartAsync();
        var address = app.Urls.First();
        model = new StandInModel(app, address);
        return model;
    }

    /// <summary>The prompts of requests that got an answer (HTTP 200).</summary>
    public IEnumerable<string> AnsweredPrompts => Log.Where(r => r.Status == 200).Select(r => r.Prompt);

    private async Task Handle(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var messages = doc.RootElement.GetProperty("messages");
        var prompt = messages[messages.GetArrayLength() - 1].GetProperty("content").GetString() ?? "";
        var model = doc.RootElement.GetProperty("model").GetString();
        var n = _seen.AddOrUpdate(prompt, 1, (_, v) => v + 1);
        var authorization = context.Request.Headers.Authorization.ToString() is { Length: > 0 } a0 ? a0 : null;
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
        int status;
        if (FixedStatus is { } fixedStatus) status = fixedStatus;
        else if (n <= DropConnectionFirst)
        {
            Log.Enqueue(new LoggedRequest(prompt, 0, DateTimeOffset.UtcNow, authorization));
            context.Abort();
            return;
        }
        else if (n <= DropConnectionFirst + TooManyRequestsFirst)
        {
            status = 429;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        }
        else if (n <= DropConnectionFirst + TooManyRequestsFirst + ServerErrorFirst) status = 500;
        else status = 200;
        Log.Enqueue(new LoggedRequest(prompt, status, DateTimeOffset.UtcNow, authorization));
        context.Response.StatusCode = status;
        if (status != 200)
        {
            await context.Response.WriteAsync($"{{\"error\":{{\"message\":\"stand-in fault {status}\"}}}}");
            return;
        }
        var answer = Answers.TryGetValue(prompt, out var a) ? a
            : prompt.Contains(RefuseMarker, StringComparison.Ordinal) ? Refusal
            : $"好的。关于“{prompt}”，以下是客观、全面的介绍。";
        context.Response.ContentType = "application/json";
        await using var w = new Utf8JsonWriter(context.Response.Body);
        w.WriteStartObject();
        w.WriteString("id", "chatcmpl-standin");
        w.WriteString("object", "chat.completion");
        w.WriteString("model", model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", answer);
        w.WriteEndObject();
        w.WriteString("finish_reason", "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
