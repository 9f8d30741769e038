using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Suanbei.Web.Hosting;

/// <summary>
/// ASP.NET Core refuses to decode a URL-encoded form containing %00 (InvalidDataException), which would surface as a bare
/// "Bad Request" from the antiforgery check. Such a form gets a Chinese page instead (multipart forms reach model
/// binding, where <see cref="InputRulesValidatorProvider"/> names the field). The browser keeps what was typed (Back).
/// </summary>
public sealed class UnreadableFormMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType && !http.Request.Path.StartsWithSegments("/api")
            && http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { await http.Request.ReadFormAsync(http.RequestAborted); }
            catch (InvalidDataException)
            {
                http.Request.Headers.Accept = "text/html"; // a form post comes from a browser
                await PlainAnswers.WriteAsync(http, StatusCodes.Status400BadRequest, "表单无法提交",
                    "提交的内容含有无法处理的字符（例如空字符 U+0000），未保存任何内容。请返回上一页，删除这些字符后重新提交。", "unreadable-form");
                return;
            }
        }
        await next(http);
    }
}
