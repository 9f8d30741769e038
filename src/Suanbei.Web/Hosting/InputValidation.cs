using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suanbei.Core;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Applies <see cref="InputRules"/> (no NUL or unpaired surrogate in text, dates in a plausible range) to every input,
/// in three places that call the same rules: page forms (a model validator on every string/DateOnly, so the field gets
/// a Chinese error next to it and ModelState is invalid), the JSON/query input of /api/v1 (an endpoint filter answering
/// 400 with the field in <c>errors</c>), and, as a last line, SaveChanges (so no path can hand PostgreSQL what SQLite
/// would have stored).
/// </summary>
public static class InputValidation
{
    public static string Message(string field, string problem, Type? container = null) => $"“{Label(field, container)}”{problem}";

    /// <summary>
    /// The Chinese label of a field for messages: the form label of subject and filing fields (their one list each), a few
    /// names of the other forms, else the name itself. Accepts a property name or the last segment of a JSON path.
    /// </summary>
    public static string Label(string field, Type? container = null)
    {
        var last = field.Split('.')[^1];
        var bracket = last.IndexOf('[');
        var name = bracket > 0 ? last[..bracket] : last;
        if (name.Length == 0) return field;
        var pascal = char.ToUpperInvariant(name[0]) + name[1..];
        // The same name (e.g. Name) is 主体名称 on a subject and 算法名称 on a filing: the type it belongs to decides.
        var ns = container?.Namespace ?? "";
        var filingFirst = ns.EndsWith(".Filings", StringComparison.Ordinal);
        if (filingFirst && Suanbei.Core.Filings.FilingFields.IsKnown(pascal)) return Suanbei.Core.Filings.FilingFields.Label(pascal);
        if (Suanbei.Core.Subjects.SubjectValidation.Labels.TryGetValue(pascal, out var label)) return label;
        if (Suanbei.Core.Filings.FilingFields.IsKnown(pascal)) return Suanbei.Core.Filings.FilingFields.Label(pascal);
        return OtherLabels.GetValueOrDefault(pascal, field);
    }

    private static readonly Dictionary<string, string> OtherLabels = new()
    {
        ["EventDate"] = "发生日期", ["ChangeEventDate"] = "变更事项发生日期", ["Description"] = "说明", ["ChangeDescription"] = "变更内容",
        ["CancelReason"] = "注销原因", ["Reason"] = "理由", ["Reasons"] = "理由", ["ReturnReasons"] = "退回理由",
        ["ServiceModeDescription"] = "技术服务方式说明", ["Email"] = "邮箱", ["Password"] = "密码", ["AnswersJson"] = "备案判断答卷",
        ["FunctionName"] = "功能名称", ["FunctionDescription"] = "功能说明", ["Text"] = "文本", ["IcpExpiresOn"] = "ICP有效期至",
    };

    internal static string? Problem(object? value) => value switch
    {
        string s => InputRules.TextProblem(s),
        DateOnly d => InputRules.DateProblem(d),
        _ => null,
    };

    /// <summary>Every offending value in an object graph of request data, with a camelCase JSON path ("details.summary",
    /// "labeling[0].implicitMethod").</summary>
    public static void Inspect(object? value, string path, Dictionary<string, string[]> errors, int depth = 0, Type? container = null)
    {
        if (value is null || depth > 8) return;
        if (Problem(value) is { } p) { errors.TryAdd(path, [Message(path, p, container)]); return; }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum
            || value is string or DateOnly or DateTime or DateTimeOffset or Guid or decimal or TimeOnly) return;
        if (value is IDictionary dict)
        {
            foreach (DictionaryEntry e in dict) Inspect(e.Value, Join(path, e.Key.ToString() ?? ""), errors, depth + 1, container);
            return;
        }
        if (value is IEnumerable list)
        {
            var i = 0;
            foreach (var item in list) Inspect(item, $"{path}[{i++}]", errors, depth + 1, container);
            return;
        }
        if (value is JsonElement json) { InspectJson(json, path, errors); return; }
        // Request types are records/classes of the app; never walk framework objects.
        if (type.Assembly != typeof(InputValidation).Assembly && type.Assembly != typeof(InputRules).Assembly) return;
        foreach (var prop in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (prop.GetIndexParameters().Length > 0 || !prop.CanRead) continue;
            object? v;
            try { v = prop.GetValue(value); } catch { continue; }
            Inspect(v, Join(path, JsonNamingPolicy.CamelCase.ConvertName(prop.Name)), errors, depth + 1, type);
        }
    }

    private static void InspectJson(JsonElement e, string path, Dictionary<string, string[]> errors)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (InputRules.TextProblem(e.GetString()) is { } p) errors.TryAdd(path, [Message(path, p)]);
                break;
            case JsonValueKind.Object:
                foreach (var prop in e.EnumerateObject()) InspectJson(prop.Value, Join(path, prop.Name), errors);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) InspectJson(item, $"{path}[{i++}]", errors);
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}

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

/// <summary>Pages: a validator on every string and DateOnly model (form fields, list items, nested inputs).</summary>
public sealed class InputRulesValidatorProvider : IMetadataBasedModelValidatorProvider
{
    private static readonly Validator Instance = new();

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => Applies(modelType);

    public void CreateValidators(ModelValidatorProviderContext context)
    {
        if (Applies(context.ModelMetadata.ModelType))
            context.Results.Add(new ValidatorItem { Validator = Instance, IsReusable = true });
    }

    private static bool Applies(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u == typeof(string) || u == typeof(DateOnly));

    private sealed class Validator : IModelValidator
    {
        public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
        {
            if (InputValidation.Problem(context.Model) is not { } problem) return [];
            var name = context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name
                ?? context.ModelMetadata.ContainerMetadata?.Name ?? "输入"; // list items: the list's name
            return [new ModelValidationResult("", InputValidation.Message(name, problem, context.ModelMetadata.ContainerType))];
        }
    }
}

/// <summary>Last line: no entity is saved with text that <see cref="InputRules"/> refuses, whatever path it came by.</summary>
public sealed class InputRulesSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? db)
    {
        if (db is null) return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var p in entry.Properties)
                if (p.CurrentValue is string s && InputRules.TextProblem(s) is { } problem)
                    throw new DomainException(InputValidation.Message(p.Metadata.Name, problem));
        }
    }
}

/// <summary>
/// ASP.NET Core refuses to decode a URL-encoded form containing %00 (InvalidDataException), which would surface as a bare
/// "Bad Request" from the antiforgery check. Such a form gets a Chinese page instead (multipart forms reach model
/// binding, where <see cref="InputRulesValidatorProvider"/> names the field). The browser keeps what was typed (Back).
/// </summary>
public sealed class UnreadableFormMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType && !http.Request.Path.StartsWithSegments("/api")
            && http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { await http.Request.ReadFormAsync(http.RequestAborted); }
            catch (InvalidDataException)
            {
                http.Request.Headers.Accept = "text/html"; // a form post comes from a browser
                await PlainAnswers.WriteAsync(http, StatusCodes.Status400BadRequest, "表单无法提交",
                    "提交的内容含有无法处理的字符（例如空字符 U+0000），未保存任何内容。请返回上一页，删除这些字符后重新提交。", "unreadable-form");
                return;
            }
        }
        await next(http);
    }
}
