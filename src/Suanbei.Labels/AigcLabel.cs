using System.Text;
using System.Text.Json;

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
    /// <summary>Field names in Annex E order.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2"];

    /// <summary>A producer's first label: on first write the propagator fields equal the producer fields (reference §5).</summary>
    public static AigcLabel ForProducer(string producer, string produceId, string label = "1", string reservedCode1 = "") =>
        new(label, producer, produceId, reservedCode1, producer, produceId, reservedCode1);

    /// <summary>The bare seven-field JSON object (compact, Annex E order) — the value stored under the AIGC key.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriterLite();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("Label", Label);
            w.WriteString("ContentProducer", ContentProducer);
            w.WriteString("ProduceID", ProduceID);
            w.WriteString("ReservedCode1", ReservedCode1);
            w.WriteString("ContentPropagator", ContentPropagator);
            w.WriteString("PropagateID", PropagateID);
            w.WriteString("ReservedCode2", ReservedCode2);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The TC260 guides' Annex B form: <c>{"AIGC":{…}}</c> (used by EXIF UserComment).</summary>
    public string ToWrappedJson() => "{\"AIGC\":" + ToJson() + "}";

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>
    {
        ["Label"] = Label, ["ContentProducer"] = ContentProducer, ["ProduceID"] = ProduceID, ["ReservedCode1"] = ReservedCode1,
        ["ContentPropagator"] = ContentPropagator, ["PropagateID"] = PropagateID, ["ReservedCode2"] = ReservedCode2,
    };

    private sealed class ArrayBufferWriterLite : System.Buffers.IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[256];
        private int _written;
        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);
        public void Advance(int count) => _written += count;
        public Memory<byte> GetMemory(int sizeHint = 0) { Ensure(sizeHint); return _buffer.AsMemory(_written); }
        public Span<byte> GetSpan(int sizeHint = 0) { Ensure(sizeHint); return _buffer.AsSpan(_written); }
        private void Ensure(int hint)
        {
            if (_buffer.Length - _written >= Math.Max(hint, 1)) return;
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + hint));
        }
    }
}
