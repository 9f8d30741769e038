using System.Buffers;
using System.Text;
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
        var trimmed = text.AsSpan().Trim().TrimEnd('\0');
        return TryParseFlat(trimmed, out payload) || TryParseDocument(trimmed, out payload, out error);
    }

    /// <summary>Every shape the lenient reading accepts, and the error messages: through a <see cref="JsonDocument"/>.</summary>
    internal static bool TryParseDocument(ReadOnlySpan<char> trimmed, out LabelPayload? payload, out string? error)
    {
        payload = null;
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(trimmed.ToString(), new JsonDocumentOptions { MaxDepth = 8 });
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

    /// <summary>The Annex E field name the reader is at, as the shared constant (no string per field and file).</summary>
    private static string? KnownName(ref Utf8JsonReader reader)
    {
        foreach (var n in AigcLabel.FieldNameSpan) if (reader.ValueTextEquals(n)) return n;
        return null;
    }

    /// <summary>
    /// The common case without building a document: one flat object whose members are strings, numbers, booleans or
    /// null, and no <c>AIGC</c> wrapper. It gives the same fields as the document path (last duplicate wins, numbers
    /// and booleans as written). Anything else — nesting, the wrapper, invalid JSON — returns false untouched, and the
    /// document path decides, so its error messages stay the only ones.
    /// </summary>
    internal static bool TryParseFlat(ReadOnlySpan<char> text, out LabelPayload? payload)
    {
        payload = null;
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var reader = new Utf8JsonReader(utf8[..Encoding.UTF8.GetBytes(text, utf8)], new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            var fields = new LabelFields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = KnownName(ref reader) ?? reader.GetString()!;
                if (name == "AIGC" || !reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    return false;
                fields.Set(name, reader.TokenType switch
                {
                    JsonTokenType.String => StringValue(ref reader, fields),
                    JsonTokenType.Null => null,
                    _ => Encoding.UTF8.GetString(reader.ValueSpan), // a number, true or false, as written
                });
            }
            // The object closed and nothing but whitespace follows (Read throws on anything else).
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return false;
            payload = new LabelPayload(fields, false);
            return true;
        }
        catch (JsonException) { return false; }
        finally { if (rented is not null) ArrayPool<byte>.Shared.Return(rented); }
    }

    /// <summary>The string value the reader is at. A label's values repeat (the propagator fields equal the producer's
    /// on a first label; Label is one digit): a value equal to one already read, or to a Label value, is that string,
    /// so a label costs as many strings as it has distinct values.</summary>
    private static string StringValue(ref Utf8JsonReader reader, LabelFields fields)
    {
        // Only values of the same length are compared (a label's values are ASCII; an escaped one is simply decoded).
        var length = reader.ValueIsEscaped ? -1 : reader.ValueSpan.Length;
        if (length == 1)
            foreach (var digit in LabelDigits) if (reader.ValueTextEquals(digit)) return digit;
        if (length > 1)
            for (var i = 0; i < fields.Count; i++)
                if (fields.ValueAt(i) is { } value && value.Length == length && reader.ValueTextEquals(value)) return value;
        return reader.GetString()!;
    }

    private static readonly string[] LabelDigits = [.. LabelValidator.LabelValues];

    private static bool TryParseInner(string? text, bool wrapped, out LabelPayload? payload, out string? error)
    {
        if (!TryParse(text, out payload, out error)) return false;
        payload = payload! with { Wrapped = wrapped };
        return true;
    }

    private static LabelFields ReadFields(JsonElement obj)
    {
        var fields = new LabelFields();
        foreach (var p in obj.EnumerateObject())
            fields.Set(p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => null,
            });
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
