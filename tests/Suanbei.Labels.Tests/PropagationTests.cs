namespace Suanbei.Labels.Tests;

/// <summary>Art. 6 classification and the propagator fields written.</summary>
public class PropagationTests
{
    private const string Platform = Fixtures.Producer2;

    [Fact]
    public void A_valid_label_is_belongs_and_keeps_the_producer_fields()
    {
        using var f = new Fixtures();
        var producer = Fixtures.Label("gen-1") with { ReservedCode1 = "sig" };
        LabelFile.Write(f.Image("png"), f.Path("in.png"), producer);
        var d = Propagation.PropagateFile(f.Path("in.png"), f.Path("out.png"), Platform, "up-9", userDeclared: false, reservedCode2: "h2");
        Assert.Equal(PropagationClass.Belongs, d.Class);
        var written = LabelFile.Verify(f.Path("out.png"));
        Assert.Equal(Verdict.Compliant, written.Verdict);
        Assert.Equal(new AigcLabel("1", Fixtures.Producer, "gen-1", "sig", Platform, "up-9", "h2"), written.Labels.Single().Label);
    }

    [Fact]
    public void No_label_and_a_declaration_is_may_be_with_label_2()
    {
        using var f = new Fixtures();
        var d = Propagation.PropagateFile(f.Image("jpg"), f.Path("out.jpg"), Platform, "up-1", userDeclared: true);
        Assert.Equal(PropagationClass.Declared, d.Class);
        var l = LabelFile.Verify(f.Path("out.jpg")).Labels.Single().Label!;
        Assert.Equal("2", l.Label);
        Assert.Equal(Platform, l.ContentPropagator);
        Assert.Equal("up-1", l.PropagateID);
    }

    [Fact]
    public void An_invalid_label_is_a_trace_suspected_with_label_3()
    {
        using var f = new Fixtures();
        var png = f.Image("png");
        Fixtures.ExifTool("-q", "-overwrite_original", "-PNG:AIGC=" + Fixtures.Label("gen-2").ToJson()
            .Replace("\"Label\":\"1\"", "\"Label\":\"yes\""), png);
        Assert.Equal(Verdict.Noncompliant, LabelFile.Verify(png).Verdict);
        var d = Propagation.PropagateFile(png, f.Path("out.png"), Platform, "up-2", userDeclared: false);
        Assert.Equal(PropagationClass.Suspected, d.Class);
        var r = LabelFile.Verify(f.Path("out.png"));
        Assert.Equal(Verdict.Compliant, r.Verdict);
        var l = r.Labels.Single().Label!;
        Assert.Equal(("3", Fixtures.Producer, "gen-2"), (l.Label, l.ContentProducer, l.ProduceID));
    }

    [Fact]
    public void Explicit_marking_in_text_is_suspected()
    {
        using var f = new Fixtures();
        var txt = f.TextFile("txt", "本文由人工智能生成。\n正文\n");
        var d = Propagation.PropagateFile(txt, f.Path("out.txt"), Platform, "up-3", userDeclared: false);
        Assert.Equal(PropagationClass.Suspected, d.Class);
        Assert.Equal("3", LabelFile.Verify(f.Path("out.txt")).Labels.Single().Label!.Label);
    }

    [Fact]
    public void Nothing_found_and_nothing_declared_writes_nothing()
    {
        using var f = new Fixtures();
        var d = Propagation.PropagateFile(f.TextFile("txt", "普通文本\n"), f.Path("out.txt"), Platform, "up-4", userDeclared: false);
        Assert.Null(d.Class);
        Assert.Null(d.Label);
        Assert.False(File.Exists(f.Path("out.txt")));
    }

    [Fact]
    public void A_bad_propagator_code_is_refused()
    {
        using var f = new Fixtures();
        Assert.Throws<LabelWriteException>(() => Propagation.PropagateFile(f.Image("png"), f.Path("o.png"), "0011", "x", true));
    }
}
