using System.Diagnostics;

namespace Suanbei.Web.Hosting;

/// <summary>
/// With JSON logs: one line per request — method, route template (not the path or query, which may carry personal data
/// or a secret), status and duration. Headers and bodies are never logged.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var status = 500;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            Handled(log, context.Request.Method, "/" + route.TrimStart('/'), status,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} {Status} in {DurationMs} ms")]
    private static partial void Handled(ILogger log, string method, string route, int status, double durationMs);
}
