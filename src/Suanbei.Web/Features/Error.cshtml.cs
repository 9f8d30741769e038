using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;

namespace Suanbei.Web.Features;

/// <summary>Shown for unhandled page errors; a DomainException (a rule of the regime) shows its Chinese message with 409.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string? Message { get; private set; }
    public bool IsDomainError { get; private set; }

    public void OnGet() => Load();
    public void OnPost() => Load();

    private void Load()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        IsDomainError = error is DomainException;
        Message = IsDomainError ? error!.Message : null;
        Response.StatusCode = IsDomainError ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
        if (error is null) Response.StatusCode = StatusCodes.Status200OK;
    }
}
