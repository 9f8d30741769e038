using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features;

/// <summary>
/// Shown to browsers for unhandled page errors (500, never the exception's text); a DomainException (a rule of the
/// regime) or a conflicting concurrent change shows its Chinese message with 409; an unreadable request its 4xx.
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
        var (code, message) = error switch
        {
            DomainException d => (StatusCodes.Status409Conflict, d.Message),
            _ when Suanbei.Web.Data.DbConflicts.IsConflict(error) => (StatusCodes.Status409Conflict, Suanbei.Web.Data.DbConflicts.Message),
            BadHttpRequestException b => (b.StatusCode, (string?)null),
            _ => (StatusCodes.Status500InternalServerError, (string?)null),
        };
        Response.StatusCode = code;
        View = StatusView.For(HttpContext, code, message);
    }
}
