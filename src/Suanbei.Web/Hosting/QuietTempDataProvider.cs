using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Suanbei.Web.Hosting;

/// <summary>
/// The cookie TempData provider, minus one header. The layout reads TempData["Message"] on every page, and the
/// framework's provider then answered every response with a Set-Cookie deleting a cookie the browser never had: an
/// extra header on each page, and public pages no cache may keep. This one saves only when there is something to keep
/// or a cookie to delete, so a message still shows once and is gone on the next page.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options)
    : ITempDataProvider
{
    private readonly string _cookieName = options.Value.Cookie.Name!;

    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // A chunked cookie keeps its base name (holding "chunks-N"), so the base name tells whether one was sent.
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(_cookieName)) return;
        cookies.SaveTempData(context, values);
    }
}
