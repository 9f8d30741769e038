using Microsoft.AspNetCore.Diagnostics;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Error and status responses by content negotiation: a browser (Accept: text/html, outside /api) gets a Chinese page
/// with a way back (Features/Status/Index.cshtml); the API and every other client keep RFC 7807 problem details.
/// </summary>
public static class StatusPages
{
    /// <summary>The page that renders status codes for browsers; <c>{0}</c> is the code.</summary>
    public const string PagePath = "/status/{0}";

    /// <summary>True for a request that should get an HTML page rather than problem details.</summary>
    public static bool WantsHtml(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api")) return false;
        foreach (var accept in http.Request.Headers.Accept)
            if (accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Unhandled exceptions and empty 4xx/5xx responses: a page for browsers, problem details for the rest.</summary>
    public static void Use(WebApplication app)
    {
        app.UseWhen(http => !WantsHtml(http), other => other.UseExceptionHandler(e => e.Run(async http =>
        {
            var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, title, detail) = error switch
            {
                // A rule of the regime refusing the action, or another request that changed the record first.
                Suanbei.Core.DomainException d => (409, "操作不允许", d.Message),
                _ when Suanbei.Web.Data.DbConflicts.IsConflict(error) => (409, "操作冲突", Suanbei.Web.Data.DbConflicts.Message),
                // Unreadable bodies (not JSON, wrong JSON types, empty where one is required) and the like.
                BadHttpRequestException b => (b.StatusCode, "请求无效",
                    b.StatusCode == 413 ? "请求内容过大" : "请求内容无法读取：请发送符合接口说明的 JSON（字段类型须正确，例如日期为 \"2026-12-05\"、数字不加引号）"),
                _ => (500, "服务器内部错误", "请稍后重试；如果问题持续，请联系管理员"),
            };
            http.Response.StatusCode = status;
            await Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
        })));
        app.UseWhen(WantsHtml, pages => pages.UseExceptionHandler("/error"));
        app.UseWhen(WantsHtml, pages => pages.UseStatusCodePagesWithReExecute(PagePath));
        // Problem details whatever the Accept header says (the default writer falls back to plain text for Accept: text/html).
        app.UseWhen(http => !WantsHtml(http), other => other.UseStatusCodePages(async context =>
        {
            var code = context.HttpContext.Response.StatusCode;
            var title = code == 404 ? "未找到" : StatusView.Describe(code).Title;
            await Results.Problem(statusCode: code, title: title).ExecuteAsync(context.HttpContext);
        }));
    }

    /// <summary>The page a signed-in user starts from (their role's main list), or null when anonymous.</summary>
    public static (string Url, string Name)? MainPageOf(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (user.IsInRole(Roles.Filer)) return ("/filings", "我的算法备案");
        if (user.IsInRole(Roles.Reviewer)) return ("/review/filings", "算法审核");
        if (user.IsInRole(Roles.Admin)) return ("/admin/users", "用户管理");
        return ("/account/manage", "我的账号");
    }

    /// <summary>A same-site address to go back to (the Referer when it points into this site), else null.</summary>
    public static string? LocalReferrer(HttpRequest request)
    {
        var referer = request.Headers.Referer.ToString();
        if (!Uri.TryCreate(referer, UriKind.Absolute, out var uri)) return null;
        if (!string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return null;
        var local = uri.PathAndQuery;
        return local.StartsWith('/') && !local.StartsWith("//") ? local : null;
    }
}
