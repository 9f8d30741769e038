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
