using Microsoft.AspNetCore.Diagnostics;
namespace Suanbei.Web.Hosting;

/// <summary>What the error/status page says: the code, a Chinese title and explanation, and links back.</summary>
public sealed record StatusView(int Code, string Title, string Message, IReadOnlyList<(string Url, string Text)> Links, string? Back)
{
    /// <summary>Title and explanation per status code (one place for every page that shows a status).</summary>
    public static (string Title, string Message) Describe(int code) => code switch
    {
        400 => ("请求有误", "请求的内容不完整或格式不对。请返回上一页检查后重试。"),
        403 => ("无权访问", "当前账号的角色不能访问该页面。如需访问，请使用相应角色的账号登录。"),
        404 => ("页面不存在", "没有找到您要访问的页面：地址可能有误，或该内容不存在、不属于当前账号。"),
        405 => ("请求方式不支持", "该页面不支持这种请求方式。"),
        409 => ("操作不允许", "该操作与当前状态不符，未执行。"),
        413 => ("上传内容过大", "上传的文件超过了允许的大小。"),
        415 => ("文件类型不支持", "上传的文件类型不受支持。"),
        429 => ("请求过于频繁", "请稍后再试。"),
        >= 500 => ("出错了", "服务器未能完成请求。请稍后重试；如果问题持续，请联系管理员。"),
        _ => ("请求未能完成", "请返回上一页重试。"),
    };

    /// <summary>The view of <paramref name="code"/> for the current request (and, after a re-execute, the original address).</summary>
    public static StatusView For(HttpContext http, int code, string? message = null)
    {
        var (title, text) = Describe(code);
        var links = new List<(string, string)>();
        var original = http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? http.Request.Path.Value ?? "";
        if (code == 404 && NumberIn(original, "/public/") is { } number)
        {
            text = $"没有找到备案编号“{number}”的公示信息：编号可能有误，或该备案尚未公示。可以核验编号的格式，或在公示清单中搜索。";
            links.Add(("/registry/verify?number=" + Uri.EscapeDataString(number), "核验此编号"));
            links.Add(("/public", "公示信息"));
        }
        else if (code == 404 && NumberIn(original, "/registry/entry/") is { } entry)
        {
            text = $"公示清单中没有备案编号“{entry}”。可以核验编号的格式，或按名称、主体搜索。";
            links.Add(("/registry/verify?number=" + Uri.EscapeDataString(entry), "核验此编号"));
            links.Add(("/registry", "搜索公示清单"));
        }
        links.Add(("/", "首页"));
        if (StatusPages.MainPageOf(http.User) is { } main) links.Add(main);
        else if (code == 403) links.Add(("/account/login", "换个账号登录"));
        return new StatusView(code, title, message ?? text, links, StatusPages.LocalReferrer(http.Request));
    }

    private static string? NumberIn(string path, string prefix)
    {
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || path.Length == prefix.Length) return null;
        var rest = Uri.UnescapeDataString(path[prefix.Length..]);
        return rest.Contains('/') || rest.Length > 100 ? null : rest;
    }
}
