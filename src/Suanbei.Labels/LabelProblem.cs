namespace Suanbei.Labels;

/// <summary>A problem found in a file or a label. <see cref="Code"/> is stable (used by scripts); the message is Chinese.</summary>
public sealed record LabelProblem(string Code, string Message)
{
    // Stable problem codes, one place.
    public const string PayloadInvalid = "payload_invalid";
    public const string FieldMissing = "field_missing";
    public const string LabelValueInvalid = "label_value_invalid";
    public const string ValueCharset = "value_charset";
    public const string ProducerInvalid = "producer_invalid";
    public const string PropagatorInvalid = "propagator_invalid";
    public const string ProduceIdEmpty = "produce_id_empty";
    public const string MultipleLabels = "multiple_labels";
    public const string ContainerDamaged = "container_damaged";
    public const string UnsupportedFormat = "unsupported_format";
    public const string ReadError = "read_error";
    // Only when security data is checked (label verify --key / --security).
    public const string SecurityDataInvalid = "security_data_invalid";
    public const string BindingMismatch = "binding_mismatch";
    public const string SignatureInvalid = "signature_invalid";
}
