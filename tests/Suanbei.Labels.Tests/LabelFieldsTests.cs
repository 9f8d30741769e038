namespace Suanbei.Labels.Tests;

/// <summary>The parsed fields' own map behaves as the dictionary it replaced: reading order kept, a duplicate replaces
/// the value where the name first stood, lookups by name, and the same past the eight fields it holds in place.</summary>
public class LabelFieldsTests
{
    private static readonly string[] Names =
        [.. AigcLabel.FieldNames, "Extra", "x1", "x2", "x3", "x4", "label", "", "中文"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Setting_names_in_any_order_reads_back_as_a_dictionary_does(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var fields = new LabelFields();
            var model = new Dictionary<string, string?>(StringComparer.Ordinal);
            var sets = random.Next(0, 24);
            for (var i = 0; i < sets; i++)
            {
                // A copy of the name as well as the shared string: found by value, not only by reference.
                var name = Names[random.Next(Names.Length)];
                if (random.Next(2) == 0) name = new string(name.AsSpan());
                var value = random.Next(5) == 0 ? null : "v" + random.Next(4);
                fields.Set(name, value);
                model[name] = value;
            }
            Assert.Equal(model.Count, fields.Count);
            Assert.Equal(model.ToList(), fields.ToList());
            Assert.Equal(model.Keys, fields.Keys);
            Assert.Equal(model.Values, fields.Values);
            foreach (var name in Names)
            {
                Assert.Equal(model.TryGetValue(name, out var expected), fields.TryGetValue(name, out var actual));
                Assert.Equal(expected, actual);
                Assert.Equal(model.ContainsKey(name), fields.ContainsKey(name));
            }
            if (model.Count > 0) Assert.Equal(model.First().Value, fields[model.First().Key]);
            Assert.Throws<KeyNotFoundException>(() => fields["absent"]);
        }
    }

    [Fact]
    public void A_label_with_extra_fields_prints_them_in_reading_order_after_the_seven()
    {
        var value = "{\"z\":\"1\",\"Label\":\"1\",\"a\":2,\"ProduceID\":\"p\",\"m\":null,\"a\":3," +
            string.Join(",", Enumerable.Range(0, 12).Select(i => $"\"e{i}\":{i}")) + "}";
        Assert.True(LabelPayload.TryParse(value, out var flat, out _));
        Assert.True(LabelPayload.TryParseDocument(value, out var document, out _));
        Assert.Equal(["z", "Label", "a", "ProduceID", "m", .. Enumerable.Range(0, 12).Select(i => $"e{i}")], flat!.Fields.Keys);
        Assert.Equal("3", flat.Fields["a"]);
        Assert.Equal(document!.Fields.ToList(), flat.Fields.ToList());
        var line = ReportJson.ToJsonLine("f", new VerificationReport(null, Verdict.Noncompliant,
            [new VerifiedLabel("p", value, flat.Fields, true)], []));
        Assert.Contains("\"ReservedCode2\":null,\"z\":\"1\",\"a\":\"3\",\"m\":null,\"e0\":\"0\",", line);
    }
}
