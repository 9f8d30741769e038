namespace Suanbei.Labels.Tests;

/// <summary>A label value is read by a flat reader when it is one plain object, and by a JSON document otherwise: the
/// two must give the same fields, and the flat one must leave every other shape (and every error) to the document.</summary>
public class LabelPayloadPathTests
{
    public static TheoryData<string> FlatValues => new()
    {
        Fixtures.Label().ToJson(),
        AigcLabel.ForProducer(Fixtures.Producer, "id \"quoted\" \\ 中文 \u2028").ToJson(),
        "{\"Label\":1,\"ContentProducer\":true,\"ProduceID\":false,\"ReservedCode1\":null,\"Extra\":-1.5e3}",
        "{\"Label\":\"1\",\"Label\":\"2\"}",
        "{\"\\u004Cabel\":\"\\u0031\"}",
        "  {\"Label\" : \"1\" ,\n\t\"ProduceID\":\"x\"}  ",
        "{}",
    };

    public static TheoryData<string> OtherValues => new()
    {
        "{\"AIGC\":" + Fixtures.Label().ToJson() + "}",
        "{\"AIGC\":\"" + Fixtures.Label().ToJson().Replace("\"", "\\\"") + "\"}",
        "{\"Label\":\"1\",\"AIGC\":{\"Label\":\"2\"}}",
        "{\"Label\":{\"nested\":1},\"ProduceID\":[1,2]}",
        "{\"Label\":\"1\"} trailing",
        "{\"Label\":\"1\",}",
        "{\"Label\":\"1\"",
        "[1,2]",
        "\"text\"",
        "{\"a\":" + new string('[', 20) + new string(']', 20) + "}",
    };

    [Theory]
    [MemberData(nameof(FlatValues))]
    public void A_flat_object_reads_the_same_fields_on_both_paths(string value)
    {
        var trimmed = value.Trim();
        Assert.True(LabelPayload.TryParseFlat(trimmed, out var flat));
        Assert.True(LabelPayload.TryParseDocument(trimmed, out var document, out _));
        Assert.Equal(document!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal),
            flat!.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.False(flat.Wrapped);
    }

    [Theory]
    [MemberData(nameof(OtherValues))]
    public void Every_other_shape_and_every_error_is_left_to_the_document(string value)
    {
        Assert.False(LabelPayload.TryParseFlat(value, out var flat));
        Assert.Null(flat);
        var ok = LabelPayload.TryParse(value, out var payload, out var error);
        var documentOk = LabelPayload.TryParseDocument(value.Trim(), out var document, out var documentError);
        Assert.Equal(documentOk, ok);
        Assert.Equal(documentError, error);
        Assert.Equal(document?.Fields, payload?.Fields);
        Assert.Equal(document?.Wrapped, payload?.Wrapped);
    }

    [Fact]
    public void A_value_longer_than_the_stack_buffer_is_read_flat_too()
    {
        var label = AigcLabel.ForProducer(Fixtures.Producer, new string('x', 5000));
        Assert.True(LabelPayload.TryParseFlat(label.ToJson(), out var flat));
        Assert.Equal(label, flat!.ToLabel());
    }
}
