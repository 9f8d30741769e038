using System.Net;

namespace Suanbei.Web.Hosting;

/// <summary>
/// A refusal answered outside Razor Pages (middleware, file endpoints): a small Chinese HTML page for browsers
/// (Accept: text/html), an RFC 7807 problem otherwise.
/// </summary>
public static class PlainAnswers
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string message, string testId = "refusal")
    {
        http.Response.StatusCode = status;
        if (!http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: status, title: title, detail: message).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} - 算备</title><link rel="stylesheet" href="{EmbeddedAssets.Url("site.css")}"></head>
            <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><div class="alert-error" data-testid="{testId}">{WebUtility.HtmlEncode(message)}</div>
            <p><a href="/">返回首页</a></p></main></body></html>
            """);
    }
}
