using Suanbei.GenAi.Evaluation;

namespace Suanbei.GenAi.Tests;

public class ChatClientTests
{
    private static readonly ChatClientOptions Fast = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(10),
    };

    private static ChatClient Client(StandInModel model, ChatClientOptions? options = null) =>
        new(new HttpClient(), model.BaseUrl, "stand-in", "secret-key", options ?? Fast);

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_servers_Retry_After()
    {
        await using var model = await StandInModel.StartAsync();
        model.TooManyRequestsFirst = 2;
        model.RetryAfterSeconds = 1;
        var client = Client(model);
        var outcome = await client.AskAsync(null, "你好", null, CancellationToken.None);
        Assert.Equal(3, outcome.Attempts);
        Assert.NotNull(outcome.Answer);
        Assert.Equal(2, client.Retries);
        Assert.Equal([429, 429, 200], model.Log.Select(r => r.Status));
        // The wait the client chose is the server's, not its own (much shorter) backoff.
        Assert.Equal(TimeSpan.FromSeconds(1), client.Backoff(1, TimeSpan.FromSeconds(1)));
        Assert.True(client.Backoff(1, null) < TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), client.Backoff(1, TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried()
    {
        await using var model = await StandInModel.StartAsync();
        model.DropConnectionFirst = 1;
        model.ServerErrorFirst = 2;
        var outcome = await Client(model).AskAsync("系统提示", "介绍长城", 0.2, CancellationToken.None);
        Assert.Equal(4, outcome.Attempts);
        Assert.Contains("介绍长城", outcome.Answer);
        Assert.Equal([0, 500, 500, 200], model.Log.Select(r => r.Status));
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_is_asked_again()
    {
        await using var model = await StandInModel.StartAsync();
        model.Latency = TimeSpan.FromSeconds(3);
        var client = Client(model, Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 });
        var outcome = await client.AskAsync(null, "慢问题", null, CancellationToken.None);
        Assert.Null(outcome.Answer);
        Assert.Equal(2, outcome.Attempts);
        Assert.Contains("超时", outcome.Error);
    }

    [Fact]
    public async Task Retries_stop_at_the_limit_with_the_last_error()
    {
        await using var model = await StandInModel.StartAsync();
        model.ServerErrorFirst = 100;
        var outcome = await Client(model, Fast with { MaxAttempts = 3 }).AskAsync(null, "问", null, CancellationToken.None);
        Assert.Null(outcome.Answer);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, model.Log.Count);
        Assert.Contains("HTTP 500", outcome.Error);
        Assert.False(outcome.Fatal);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(401, true)]
    [InlineData(404, true)]
    public async Task Client_errors_are_not_retried(int status, bool fatal)
    {
        await using var model = await StandInModel.StartAsync();
        model.FixedStatus = status;
        var outcome = await Client(model).AskAsync(null, "问", null, CancellationToken.None);
        Assert.Equal(1, outcome.Attempts);
        Assert.Single(model.Log);
        Assert.Equal(fatal, outcome.Fatal);
        Assert.Contains($"HTTP {status}", outcome.Error);
    }

    [Theory]
    [InlineData("http://h:8000", "http://h:8000/v1/chat/completions")]
    [InlineData("http://h:8000/v1/", "http://h:8000/v1/chat/completions")]
    [InlineData("https://api.example.com/compatible-mode/v1", "https://api.example.com/compatible-mode/v1/chat/completions")]
    [InlineData("http://h/v1/chat/completions", "http://h/v1/chat/completions")]
    public void Endpoint_base_urls_resolve_to_chat_completions(string endpoint, string url) =>
        Assert.Equal(url, ChatClient.CompletionsUrl(endpoint).ToString());
}
