using System.Text.Json;

namespace Suanbei.Labels;

/// <summary>
/// Parses the value found under an AIGC key. Accepts the bare seven-field object and the <c>{"AIGC":{…}}</c> wrapper.
/// Parsing is lenient (missing fields become null in <see cref="Fields"/>) so the validator can name each problem.
/// </summary>
public sealed record LabelPayload(IReadOnlyDictionary<string, string?> Fields, bool Wrapped)
{
    /// <summary>Maximum length of a label value we are willing to parse; real labels are a few hundred bytes.</summary>
    public const int MaxLength = 64 * 1024;

    public static bool TryParse(string? text, out LabelPayload? payload, out string? error)
    {
        payload = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "标签值为空"; return false; }
        if (text.Length > MaxLength) { error = "标签值过长"; return false; }
        try
        {
            using var doc = JsonDocument.Parse(text.Trim().TrimEnd('\0'), new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { error = "标签值不是JSON对象"; return false; }
            var wrapped = false;
            if (root.TryGetProperty("AIGC", out var inner))
            {
                // The wrapper may hold the object itself or (as some writers do) a JSON string of it.
                if (inner.ValueKind == JsonValueKind.String) return TryParseInner(inner.GetString(), true, out payload, out error);
                if (inner.ValueKind != JsonValueKind.Object) { error = "AIGC 包装内不是JSON对象"; return false; }
                root = inner;
                wrapped = true;
            }
            payload = new LabelPayload(ReadFields(root), wrapped);
            return true;
        }
        catch (JsonException e)
        {
            error = "标签值不是合法的JSON：" + e.Message;
            return false;
        }
    }

    private static bool TryParseInner(string? text, bool wrapped, out LabelPayload? payload, out string? error)
    {
        if (!TryParse(text, out payload, out error)) return false;
        payload = payload! with { Wrapped = wrapped };
        return true;
    }

    private static Dictionary<string, string?> ReadFields(JsonElement obj)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
            fields[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => null,
            };
        return fields;
    }

    /// <summary>The label when all seven fields are present as strings; otherwise null.</summary>
    public AigcLabel? ToLabel()
    {
        string? F(string n) => Fields.TryGetValue(n, out var v) ? v : null;
        if (AigcLabel.FieldNames.Any(n => F(n) is null)) return null;
        return new AigcLabel(F("Label")!, F("ContentProducer")!, F("ProduceID")!, F("ReservedCode1")!,
            F("ContentPropagator")!, F("PropagateID")!, F("ReservedCode2")!);
    }
}
