using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Assessment;

/// <summary>
/// The answers of the applicability questionnaire (备案判断), as a JSON document:
/// <c>{"serviceName":"…","audience":"Public","forms":["APP"],"offersToEndUsers":true,"providesApiToBusinesses":false,
/// "apiOpenToAnyDeveloper":false,"publicInformationOrExpression":false,"largeModel":"FiledModelApi","monthlyActiveUsers":20000,
/// "creditCode":"91…","launchDate":"2026-03-02","functions":[{"name":"AI续写","generates":["Text"]}]}</c>.
/// </summary>
public sealed record ServiceAnswers
{
    public string ServiceName { get; init; } = "";
    public Audience Audience { get; init; } = Audience.Public;
    /// <summary>Product forms, by the display names of <see cref="Products.ProductForm"/> (网站, APP, 小程序, 公众账号, …).</summary>
    public IReadOnlyList<string> Forms { get; init; } = [];
    /// <summary>The service is offered directly to users (C-side or B-side users of the filer's own product).</summary>
    public bool OffersToEndUsers { get; init; }
    /// <summary>The algorithm is provided to other businesses, typically by API, for their products.</summary>
    public bool ProvidesApiToBusinesses { get; init; }
    /// <summary>Anyone may register for the API (an open developer platform), which counts as offering it to the public.</summary>
    public bool ApiOpenToAnyDeveloper { get; init; }
    /// <summary>The service offers channels for public information or expression: news, posts, comments, sharing, groups,
    /// live streams.</summary>
    public bool PublicInformationOrExpression { get; init; }
    public LargeModelUse LargeModel { get; init; } = LargeModelUse.None;
    public long? MonthlyActiveUsers { get; init; }
    public string? CreditCode { get; init; }
    public DateOnly? LaunchDate { get; init; }
    public IReadOnlyList<ServiceFunction> Functions { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // One strict converter per enum the answers hold: the non-generic factory needs run-time code generation.
        Converters =
        {
            new JsonStringEnumConverter<ContentType>(namingPolicy: null, allowIntegerValues: false),
            new JsonStringEnumConverter<Audience>(namingPolicy: null, allowIntegerValues: false),
            new JsonStringEnumConverter<LargeModelUse>(namingPolicy: null, allowIntegerValues: false),
        },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    /// <summary>Upper bound of an answers document; anything larger is not a questionnaire.</summary>
    public const int MaxJsonBytes = 1 << 20;

    /// <summary>Parses and checks an answers document. Returns null and the answers, or a Chinese error naming the field.</summary>
    // Reflection-based System.Text.Json: these records' init-only properties keep their initial values only under
    // reflection (source-generated metadata resets a property missing from the document to null). Only the web app and
    // the full CLI read them; the Native AOT label tools do not, and would be warned if they started to.
    [RequiresUnreferencedCode(CoreJsonContext.ReflectionOnly), RequiresDynamicCode(CoreJsonContext.ReflectionOnly)]
    public static string? TryParse(string json, out ServiceAnswers? answers)
    {
        answers = null;
        if (string.IsNullOrWhiteSpace(json)) return "答卷为空";
        if (json.Length > MaxJsonBytes) return $"答卷过大（超过 {MaxJsonBytes / 1024} KB）";
        try
        {
            answers = JsonSerializer.Deserialize<ServiceAnswers>(json, Options);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"字段 {e.Path} ";
            return $"答卷 JSON 无效：{field}{(e.Message.Contains("could not be mapped") ? "不是已知字段" : "的值不正确或格式有误")}";
        }
        if (answers is null) return "答卷为空";
        var error = answers.Validate();
        if (error is not null) answers = null;
        return error;
    }

    /// <summary>Null when the answers are complete enough to assess; otherwise a Chinese message naming the field.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceName)) return "serviceName（服务名称）不能为空";
        if (Functions.Count == 0) return "functions（功能）至少需要一项";
        for (var i = 0; i < Functions.Count; i++)
            if (string.IsNullOrWhiteSpace(Functions[i].Name)) return $"functions[{i}].name（功能名称）不能为空";
        if (!OffersToEndUsers && !ProvidesApiToBusinesses && Audience != Audience.Internal)
            return "offersToEndUsers 与 providesApiToBusinesses 至少有一项为 true（或 audience 为 Internal）";
        if (ApiOpenToAnyDeveloper && !ProvidesApiToBusinesses) return "apiOpenToAnyDeveloper 为 true 时 providesApiToBusinesses 也应为 true";
        if (MonthlyActiveUsers < 0) return "monthlyActiveUsers（月活跃用户量）不能为负数";
        return null;
    }
}
