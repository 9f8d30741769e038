using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// Asks one question of an OpenAI-compatible <c>/v1/chat/completions</c> endpoint, with a timeout per attempt and
/// retries with exponential backoff (jittered) on 429 (honouring <c>Retry-After</c>), 408, 5xx, timeouts and dropped
/// connections. Other 4xx answers are final for the question; 401/403/404 are fatal for the run.
/// </summary>
public sealed class ChatClient
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _model;
    private readonly string? _apiKey;
    private readonly ChatClientOptions _options;
    private long _retries;

    public ChatClient(HttpClient http, string endpoint, string model, string? apiKey, ChatClientOptions options)
    {
        _http = http;
        _url = CompletionsUrl(endpoint);
        _model = model;
        _apiKey = apiKey;
        _options = options;
    }

    /// <summary>Retries made so far (all questions).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>The chat-completions URL for a base URL (<c>http://host:8000</c>, <c>…/v1</c> or the full path).</summary>
    public static Uri CompletionsUrl(string endpoint)
    {
        var e = endpoint.TrimEnd('/');
        if (e.EndsWith("/chat/completions", StringComparison.Ordinal)) return new Uri(e);
        if (e.EndsWith("/v1", StringComparison.Ordinal)) return new Uri(e + "/chat/completions");
        return new Uri(e + "/v1/chat/completions");
    }

    public async Task<ChatOutcome> AskAsync(string? system, string prompt, double? temperature, CancellationToken cancel)
    {
        var messages = new List<ChatMessage>();
        if (!string.IsNullOrEmpty(system)) messages.Add(new ChatMessage("system", system));
        messages.Add(new ChatMessage("user", prompt));
        var body = JsonSerializer.SerializeToUtf8Bytes(new ChatRequest(_model, messages, temperature),
            GenAiJsonContext.Default.ChatRequest);
        var clock = Stopwatch.StartNew();
        string? lastError = null;
        int? lastStatus = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (_apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var status = (int)response.StatusCode;
                lastStatus = status;
                if (response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    var answer = Parse(text);
                    if (answer is not null) return new ChatOutcome(answer, null, status, clock.ElapsedMilliseconds, attempt, false);
                    lastError = "回答不是有效的 chat-completions JSON（缺少 choices[0].message.content）";
                }
                else
                {
                    var detail = await ReadSnippet(response, timeout.Token);
                    lastError = $"HTTP {status} {response.ReasonPhrase}{detail}";
                    var fatal = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                    var retryable = status is 429 or 408 || status >= 500;
                    if (!retryable) return new ChatOutcome(null, lastError, status, clock.ElapsedMilliseconds, attempt, fatal);
                    retryAfter = RetryAfter(response);
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                lastError = $"超时（{_options.Timeout.TotalSeconds:0.#} 秒内没有回答）";
                lastStatus = null;
            }
            catch (HttpRequestException e)
            {
                lastError = $"连接失败：{e.Message}";
                lastStatus = null;
            }
            catch (IOException e)
            {
                lastError = $"连接中断：{e.Message}";
                lastStatus = null;
            }
            if (attempt >= _options.MaxAttempts)
                return new ChatOutcome(null, lastError, lastStatus, clock.ElapsedMilliseconds, attempt, false);
            Interlocked.Increment(ref _retries);
            await Task.Delay(Backoff(attempt, retryAfter), cancel);
        }
    }

    /// <summary>Retry-After when the server gives one (capped), else base·2^(attempt−1) with full jitter, capped.</summary>
    internal TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } ra) return ra < _options.MaxDelay ? ra : _options.MaxDelay;
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static async Task<string> ReadSnippet(HttpResponseMessage response, CancellationToken cancel)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancel);
            text = text.Trim();
            return text.Length == 0 ? "" : "：" + (text.Length > 300 ? text[..300] + "…" : text);
        }
        catch (Exception e) when (e is HttpRequestException or IOException) { return ""; }
    }

    private static string? Parse(byte[] body)
    {
        try
        {
            var response = JsonSerializer.Deserialize(body, GenAiJsonContext.Default.ChatResponse);
            return response?.Choices is [{ Message.Content: { } content }, ..] ? content : null;
        }
        catch (JsonException) { return null; }
    }
}
