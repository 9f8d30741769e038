using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Hosting;

/// <summary>API endpoints: a DomainException (illegal transition …) becomes a 409 problem detail with the Chinese message.</summary>
public sealed class DomainExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try { return await next(context); }
        catch (Suanbei.Core.DomainException e)
        {
            return Results.Problem(statusCode: 409, title: "操作不允许", detail: e.Message);
        }
        catch (Exception e) when (DbConflicts.IsConflict(e))
        {
            return Results.Problem(statusCode: 409, title: "操作冲突", detail: DbConflicts.Message);
        }
    }
}
