using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Status;

/// <summary>
/// The browser page for a 4xx/5xx status (reached by re-execution from StatusPages; also by GET /Status/{code}).
/// Any method: a POST that ended in 404 is re-executed as a POST.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public StatusView View { get; private set; } = null!;

    public void OnGet(int code) => Load(code);
    public void OnPost(int code) => Load(code);

    private void Load(int code)
    {
        if (code is < 400 or > 599) code = 404;
        Response.StatusCode = code;
        View = StatusView.For(HttpContext, code);
    }
}
