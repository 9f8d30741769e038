using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Suanbei.Web.Identity;

/// <summary>
/// Identity checks a sign-in cookie's security stamp against the database once its
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> has passed since the cookie was issued. Its validator
/// is resolved for every request first (with a sign-in manager, user manager, stores and a database context, a twentieth
/// of a signed-in page's CPU time) only to find that nothing is due. This makes the same decision first, from the same
/// options and clock, and calls the validator only when it is due, so a changed stamp signs the cookie out as before.
/// </summary>
public static class SecurityStampCheck
{
    public static void OnlyWhenDue(CookieAuthenticationEvents events)
    {
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = context => Due(context) ? validate(context) : Task.CompletedTask;
    }

    /// <summary>As <c>SecurityStampValidator.ValidateAsync</c> decides: no issue time, or older than the interval.</summary>
    public static bool Due(CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is not { } issued) return true;
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return now - issued > options.ValidationInterval;
    }
}
