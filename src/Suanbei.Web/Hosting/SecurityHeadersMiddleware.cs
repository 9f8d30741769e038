namespace Suanbei.Web.Hosting;

/// <summary>
/// Response headers every answer carries. The Content-Security-Policy allows scripts, styles, images and fonts only from
/// this site (no inline script, no style attribute, no event-handler attribute; SVG charts use classes from site.css),
/// forms only to this site, and no framing.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
