using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Registry.Export;

/// <summary>
/// Limits of /registry/export (documented in the README): anonymous visitors export at most <see cref="Anonymous"/>
/// rows, signed-in accounts at most <see cref="SignedIn"/>; every client (account, else IP address) may start
/// <see cref="PerClientPerMinute"/> exports a minute, more get a Chinese 429.
/// </summary>
public static class RegistryExportLimits
{
    public const int Anonymous = 2_000;
    public const int SignedIn = 200_000;
    public const int PerClientPerMinute = 6;
    public const string Policy = "registry-export";

    public static string TooManyRows(int total, bool signedIn) => signedIn
        ? $"本次查询共 {total:N0} 条，超过单次导出上限 {SignedIn:N0} 条；请增加筛选条件（如省份、年份）后分批导出。"
        : $"本次查询共 {total:N0} 条；未登录时每次最多导出 {Anonymous:N0} 条。请增加筛选条件，或登录后导出（最多 {SignedIn:N0} 条）。";

    public static void AddRateLimit(IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name : "ip:" + http.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PerClientPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.OnRejected = async (context, ct) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
            await PlainAnswers.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "导出过于频繁",
                $"每个用户每分钟最多导出 {PerClientPerMinute} 次，请 {Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))} 秒后再试。", "rate-limited");
        };
    });
}
