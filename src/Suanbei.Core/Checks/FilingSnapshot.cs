using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Core.Filings;

namespace Suanbei.Core.Checks;

/// <summary>
/// Everything the pre-submission check (备案预审) looks at, as one plain record: the subject, its products, the algorithm
/// filing and the data the filer enters about the officer's documents and the ICP certificates. The web slice builds it
/// from the aggregates; <c>suanbei check FILING.json</c> reads it as JSON (camelCase, enums as names; see
/// docs/presubmission-check.md and docs/examples/filing-snapshot.json). Absent optional data means "not entered": rules
/// that need it stay silent rather than guess.
/// </summary>
public sealed record FilingSnapshot
{
    public const int MaxJsonBytes = 2 * 1024 * 1024;

    public SubjectSnapshot Subject { get; init; } = new();
    public IReadOnlyList<ProductSnapshot> Products { get; init; } = [];
    public AlgorithmSnapshot Filing { get; init; } = new();
    public OfficerDocumentsSnapshot? OfficerDocuments { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // One string converter per enum the snapshot holds: the non-generic factory needs run-time code generation.
        Converters =
        {
            new JsonStringEnumConverter<Products.ProductForm>(), new JsonStringEnumConverter<DataModality>(),
            new JsonStringEnumConverter<AlgorithmType>(), new JsonStringEnumConverter<FilingRole>(),
            new JsonStringEnumConverter<TechnicalServiceMode>(),
        },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        MaxDepth = 16,
    };

    /// <summary>Parses a snapshot; returns a Chinese error naming the problem, or null on success. Never throws.</summary>
    // Reflection-based System.Text.Json: these records' init-only properties keep their initial values only under
    // reflection (source-generated metadata resets a property missing from the document to null). Only the web app and
    // the full CLI read them; the Native AOT label tools do not, and would be warned if they started to.
    [RequiresUnreferencedCode(CoreJsonContext.ReflectionOnly), RequiresDynamicCode(CoreJsonContext.ReflectionOnly)]
    public static string? TryParse(string json, out FilingSnapshot? snapshot)
    {
        snapshot = null;
        if (json.Length > MaxJsonBytes) return "文件过大";
        try
        {
            snapshot = JsonSerializer.Deserialize<FilingSnapshot>(json, JsonOptions);
            return snapshot is null ? "内容为空（应为一个 JSON 对象）" : null;
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } p ? $"字段 {p}" : "文件";
            return $"{where} 格式不正确（第 {(e.LineNumber ?? 0) + 1} 行）：应为 FilingSnapshot 结构";
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return $"JSON 无法解析：{e.Message}";
        }
    }
}
