using System.Text.Json;

namespace Suanbei.Labels.Tests;

/// <summary><see cref="AigcLabel.ToJson"/> is written by hand (no System.Text.Json on the write path): it must be
/// exactly the compact Annex E object for compliant values and valid JSON that reads back to the same strings for any.</summary>
public class LabelJsonTests
{
    [Fact]
    public void Compliant_label_is_the_compact_object_in_annex_e_order()
    {
        var label = AigcLabel.ForProducer("001191440300708461136T1XGW3", "id-1<&>'+");
        Assert.Equal(
            "{\"Label\":\"1\",\"ContentProducer\":\"001191440300708461136T1XGW3\",\"ProduceID\":\"id-1<&>'+\",\"ReservedCode1\":\"\"," +
            "\"ContentPropagator\":\"001191440300708461136T1XGW3\",\"PropagateID\":\"id-1<&>'+\",\"ReservedCode2\":\"\"}",
            label.ToJson());
    }

    public static TheoryData<string> AwkwardValues() => new()
    {
        "quote \" and backslash \\ and slash /",
        "line\nfeed\r\ttab\bback\fform\u0001\u001f",
        "中文 ProduceID 与 emoji 🙂",
        "DEL \u007f C1 \u0085 \u009f separators \u2028 \u2029",
        "lone high \ud83d end",
        "\udc00 lone low at start",
        "",
    };

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public void Any_value_reads_back_unchanged_through_a_json_parser(string value)
    {
        var label = new AigcLabel("1", value, value, value, value, value, value);
        var json = label.ToJson();
        using var doc = JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(AigcLabel.FieldNames, names);
        foreach (var name in AigcLabel.FieldNames.Skip(1))
        {
            var read = doc.RootElement.GetProperty(name).GetString();
            // A lone surrogate is escaped as \uXXXX; System.Text.Json reads it back as U+FFFD (it cannot be UTF-8).
            Assert.Equal(value.Any(char.IsSurrogate) && !value.Contains("🙂") ? Lone(value) : value, read);
        }
        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.True(LabelPayload.TryParse(json, out var payload, out var error), error);
        Assert.Equal("1", payload!.Fields["Label"]);
    }

    private static string Lone(string s) => new(s.Select(c => char.IsSurrogate(c) ? '\uFFFD' : c).ToArray());
}
