// An OpenAI-compatible chat-completions endpoint that answers instantly (bench/genai-runner.sh): whatever the runner
// achieves against it is the runner's own ceiling, since the model costs nothing.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = """
    {"id":"chatcmpl-bench","object":"chat.completion","choices":[{"index":0,
    "message":{"role":"assistant","content":"好的，这是一个客观的回答。"},"finish_reason":"stop"}]}
    """u8.ToArray();
app.MapPost("/v1/chat/completions", async (HttpContext context) =>
{
    // Read the request as a real server would, then answer at once.
    await context.Request.Body.CopyToAsync(Stream.Null);
    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync(body);
});
app.Run();
