using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Web.Features.Status;

namespace Suanbei.Web.Features;

/// <summary>
/// Shown to browsers for unhandled page errors (500, never the exception's text); a DomainException (a rule of the
/// regime) shows its Chinese message with 409.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public StatusView View { get; private set; } = null!;

    public void OnGet() => Load();
    public void OnPost() => Load();

    private void Load()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        var code = error is DomainException ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        View = StatusView.For(HttpContext, code, error is DomainException ? error.Message : null);
    }
}
