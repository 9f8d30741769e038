namespace Suanbei.Labels.Tests;

public class VerifierTests
{
    private static string Json(string label = "1", string producer = Fixtures.Producer, string id = "id-1", string rc1 = "",
        string propagator = Fixtures.Producer, string pid = "id-1", string rc2 = "") =>
        new AigcLabel(label, producer, id, rc1, propagator, pid, rc2).ToJson();

    private static VerificationReport VerifyOne(string raw) =>
        Verifier.Verify("test", new ContainerReadResult([new FoundLabel("test/AIGC", raw)]));

    private static void AssertProblem(VerificationReport r, string code)
    {
        Assert.Equal(Verdict.Noncompliant, r.Verdict);
        Assert.Contains(r.Problems, p => p.Code == code && p.Message.Length > 0);
    }

    [Fact]
    public void A_complete_valid_label_is_compliant()
    {
        var r = VerifyOne(Json());
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Empty(r.Problems);
        Assert.Equal("1", r.Labels[0].Fields["Label"]);
    }

    [Fact]
    public void The_wrapped_form_is_accepted() => Assert.Equal(Verdict.Compliant, VerifyOne("{\"AIGC\":" + Json() + "}").Verdict);

    [Fact]
    public void An_empty_propagator_is_allowed() => Assert.Equal(Verdict.Compliant, VerifyOne(Json(propagator: "", pid: "")).Verdict);

    [Fact]
    public void A_missing_field_is_named()
    {
        var r = VerifyOne(Json().Replace(",\"ReservedCode2\":\"\"", ""));
        AssertProblem(r, LabelProblem.FieldMissing);
        Assert.Contains(r.Problems, p => p.Message.Contains("ReservedCode2"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("yes")]
    public void Label_outside_1_2_3_is_noncompliant(string value) =>
        AssertProblem(VerifyOne(Json(label: value)), LabelProblem.LabelValueInvalid);

    [Theory]
    [InlineData("id 1")]     // space
    [InlineData("id\"1")]    // quote
    [InlineData("id\\1")]    // backslash
    [InlineData("编号1")]     // non-ASCII
    public void Values_outside_the_character_set_are_noncompliant(string id) =>
        AssertProblem(VerifyOne(Json(id: id)), LabelProblem.ValueCharset);

    [Fact]
    public void A_bad_producer_code_is_noncompliant() =>
        AssertProblem(VerifyOne(Json(producer: "001191440300708461136U1XGW3")), LabelProblem.ProducerInvalid);

    [Fact]
    public void A_bad_propagator_code_is_noncompliant() =>
        AssertProblem(VerifyOne(Json(propagator: "0011914403007084611")), LabelProblem.PropagatorInvalid);

    [Fact]
    public void Not_json_is_noncompliant() => AssertProblem(VerifyOne("AIGC=yes"), LabelProblem.PayloadInvalid);

    [Fact]
    public void Two_placements_are_noncompliant_even_when_each_is_valid()
    {
        var r = Verifier.Verify("png", new ContainerReadResult([new("png/iTXt/XMP", Json()), new("png/tEXt/AIGC", Json())]));
        AssertProblem(r, LabelProblem.MultipleLabels);
        Assert.Equal(2, r.Labels.Count);
    }

    [Fact]
    public void No_label_is_not_found() => Assert.Equal(Verdict.NotFound, Verifier.Verify("png", new ContainerReadResult([])).Verdict);

    [Fact]
    public void Damage_is_inconclusive_even_with_a_valid_label()
    {
        var r = Verifier.Verify("png", ContainerReadResult.Damaged("truncated", [new("png/iTXt/XMP", Json())]));
        Assert.Equal(Verdict.Inconclusive, r.Verdict);
        Assert.Contains(r.Problems, p => p.Code == LabelProblem.ContainerDamaged);
    }

    [Fact]
    public void Json_line_has_the_contract_shape()
    {
        var line = ReportJson.ToJsonLine("a.png", VerifyOne(Json(label: "4")));
        using var doc = System.Text.Json.JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal("a.png", root.GetProperty("file").GetString());
        Assert.Equal("noncompliant", root.GetProperty("verdict").GetString());
        var fields = root.GetProperty("labels")[0].GetProperty("fields");
        Assert.Equal(AigcLabel.FieldNames, fields.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("label_value_invalid", root.GetProperty("problems")[0].GetProperty("code").GetString());
    }
}
