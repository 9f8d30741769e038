using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// Viewers (只读) read their organisation's pages and API but write nothing: every request that is not a read
/// (GET/HEAD/OPTIONS), from a viewer, is refused with 403 unless its path is one that touches no organisation data
/// (the list below: the account itself, organisations, the labeling tools, the public registry, the 备案判断 answer, the
/// member's calendar feed link, marking their own notifications read).
/// Deny by default, so a new data page is protected without an edit here.
/// </summary>
public static class ReadOnlyMembers
{
    private static readonly string[] OpenPrefixes =
        ["/account", "/organisations", "/labels", "/registry", "/api/v1/organisations", "/api/v1/labels", "/api/v1/registry"];

    /// <summary>
    /// Paths open to viewers only exactly (their sub-paths write data, e.g. /api/v1/assess/drafts): the 备案判断 answer
    /// (computed from the posted answers, nothing stored), the member's own calendar feed link (a token of theirs,
    /// for deadlines they may read anyway) and the notification centre, whose only writes mark the account's own
    /// notifications read (its sub-pages, webhooks included, stay closed).
    /// </summary>
    private static readonly string[] OpenExact = ["/api/v1/assess", "/api/v1/deadlines/calendar-token", "/deadlines", "/notifications"];

    public static bool Refuses(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
            return false;
        if (http.User.MayWriteOrganisationData()) return false;
        var path = http.Request.Path;
        if (OpenPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return false;
        return !OpenExact.Any(p => string.Equals(path.Value?.TrimEnd('/'), p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Razor Pages side (a global page filter).</summary>
    public sealed class PageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (!Refuses(context.HttpContext)) return next();
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return Task.CompletedTask;
        }
    }

    /// <summary>The API side (an endpoint filter on the /api/v1 group).</summary>
    public static ValueTask<object?> EndpointFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refuses(context.HttpContext)
            ? ValueTask.FromResult<object?>(Results.Problem(statusCode: 403, title: "只读成员不能修改本机构的数据。"))
            : next(context);
}
