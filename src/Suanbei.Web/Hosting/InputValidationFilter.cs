using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suanbei.Core;

namespace Suanbei.Web.Hosting;

/// <summary>/api/v1: refuses input that breaks <see cref="InputRules"/> with a 400 validation problem naming the field.</summary>
public sealed class InputValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var isService = http.RequestServices.GetService<IServiceProviderIsService>();
        var parameters = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var arg = context.Arguments[i];
            if (arg is null or HttpContext or HttpRequest or System.Security.Claims.ClaimsPrincipal or CancellationToken) continue;
            if (isService?.IsService(arg.GetType()) == true) continue;
            var parameter = parameters is not null && i < parameters.Length ? parameters[i] : null;
            // A body is checked from its root ("launchDate"); a route/query value by its parameter name.
            var simple = arg is string or DateOnly;
            var root = simple ? JsonNamingPolicy.CamelCase.ConvertName(parameter?.Name ?? "value") : "";
            InputValidation.Inspect(arg, root, errors);
        }
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "提交的数据有误");
        return await next(context);
    }
}
