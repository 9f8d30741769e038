using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Operations;

/// <summary>
/// For load balancers and monitoring: <c>/healthz</c> (the process answers), <c>/readyz</c> (the database is reachable
/// and carries every migration: 503 with a short reason otherwise) and <c>/metrics</c> (Prometheus text; loopback
/// requests that did not come through a proxy, or a bearer <see cref="SuanbeiHostOptions.MetricsToken"/>).
/// Plain text, no session, no cookie.
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>How long /readyz waits for the database before answering 503.</summary>
    public static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(3);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/metrics", Metrics).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ReadyAsync(SuanbeiDbContext db, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(ReadinessTimeout);
        try
        {
            if (!await db.Database.CanConnectAsync(timeout.Token)) return NotReady("数据库无法连接");
            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            return pending > 0 ? NotReady($"数据库结构未升级（{pending} 个迁移待执行）") : Results.Text("ready\n");
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return NotReady("数据库无应答");
        }
        catch (System.Data.Common.DbException)
        {
            return NotReady("数据库无法连接");
        }
    }

    private static IResult NotReady(string reason) =>
        Results.Text("not ready: " + reason + "\n", "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);

    private static IResult Metrics(HttpContext context, PrometheusExporter exporter, SuanbeiHostOptions options) =>
        MayReadMetrics(context, options)
            ? Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8", Encoding.UTF8)
            : Results.Text("仅限本机或持有指标令牌（Suanbei:Metrics:Token）的请求\n", "text/plain; charset=utf-8", Encoding.UTF8,
                StatusCodes.Status403Forbidden);

    /// <summary>The token when one is configured and sent; else a loopback connection without proxy headers (a reverse
    /// proxy on the same machine connects from loopback on behalf of anyone).</summary>
    public static bool MayReadMetrics(HttpContext context, SuanbeiHostOptions options)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (options.MetricsToken is { } token && auth.StartsWith("Bearer ", StringComparison.Ordinal))
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(auth["Bearer ".Length..].Trim()),
                Encoding.UTF8.GetBytes(token));
        var proxied = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded")
            || context.Request.Headers.ContainsKey("X-Real-IP");
        return !proxied && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
    }
}
