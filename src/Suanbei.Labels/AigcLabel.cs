using System.Text;

namespace Suanbei.Labels;

/// <summary>
/// The implicit label of GB 45438-2025 Annex E: seven fields, always serialised in this order.
/// Values are kept as found; <see cref="LabelValidator"/> decides whether they are compliant.
/// </summary>
public sealed record AigcLabel(
    string Label,
    string ContentProducer,
    string ProduceID,
    string ReservedCode1,
    string ContentPropagator,
    string PropagateID,
    string ReservedCode2)
{
    private static readonly string[] Names =
        ["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2"];

    /// <summary>Field names in Annex E order.</summary>
    public static readonly IReadOnlyList<string> FieldNames = Array.AsReadOnly(Names);

    /// <summary><see cref="FieldNames"/> as the array itself, for the verify path's loops: a foreach over the interface
    /// allocates an enumerator each time, and the names are looked at several times per file.</summary>
    internal static ReadOnlySpan<string> FieldNameSpan => Names;

    /// <summary>A producer's first label: on first write the propagator fields equal the producer fields (reference §5).</summary>
    public static AigcLabel ForProducer(string producer, string produceId, string label = "1", string reservedCode1 = "") =>
        new(label, producer, produceId, reservedCode1, producer, produceId, reservedCode1);

    /// <summary>The bare seven-field JSON object (compact, Annex E order) — the value stored under the AIGC key.
    /// Written by hand rather than with System.Text.Json: a label write in a fresh process otherwise spends ≈ 5 ms
    /// loading the JSON writer and its encoder for 200 bytes (see BENCHMARKS.md, label write).</summary>
    public string ToJson()
    {
        var sb = new StringBuilder(192);
        sb.Append('{');
        Member(sb, "Label", Label, first: true);
        Member(sb, "ContentProducer", ContentProducer);
        Member(sb, "ProduceID", ProduceID);
        Member(sb, "ReservedCode1", ReservedCode1);
        Member(sb, "ContentPropagator", ContentPropagator);
        Member(sb, "PropagateID", PropagateID);
        Member(sb, "ReservedCode2", ReservedCode2);
        return sb.Append('}').ToString();
    }

    private static void Member(StringBuilder sb, string name, string value, bool first = false)
    {
        if (!first) sb.Append(',');
        sb.Append('"').Append(name).Append("\":\"");
        AppendEscaped(sb, value);
        sb.Append('"');
    }

    /// <summary>JSON string content (RFC 8259): quote, backslash and control characters escaped, as are DEL, the C1
    /// controls, U+2028/U+2029 and lone surrogates (which UTF-8 cannot carry); everything else, Chinese included, as is.
    /// Compliant values (Annex E: printable ASCII without space, quote or backslash) never need an escape.</summary>
    internal static void AppendEscaped(StringBuilder sb, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
            }
            var lone = char.IsHighSurrogate(c) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' || lone)
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
    }

    /// <summary>The TC260 guides' Annex B form: <c>{"AIGC":{…}}</c> (used by EXIF UserComment).</summary>
    public string ToWrappedJson() => "{\"AIGC\":" + ToJson() + "}";

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["Label"] = Label, ["ContentProducer"] = ContentProducer, ["ProduceID"] = ProduceID, ["ReservedCode1"] = ReservedCode1,
        ["ContentPropagator"] = ContentPropagator, ["PropagateID"] = PropagateID, ["ReservedCode2"] = ReservedCode2,
    };
}
