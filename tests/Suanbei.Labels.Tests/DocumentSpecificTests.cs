namespace Suanbei.Labels.Tests;

/// <summary>OOXML, Markdown and plain-text placements beyond the round trip.</summary>
public class DocumentSpecificTests
{
    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    [InlineData("pptx")]
    public void Ooxml_label_written_by_the_Open_XML_SDK_is_read_and_replaced(string ext)
    {
        using var f = new Fixtures();
        var file = f.Office(ext, Fixtures.Label("sdk").ToJson());
        var r = LabelFile.Verify(file);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal("sdk", Assert.Single(r.Labels).Label!.ProduceID);

        LabelFile.Write(file, f.Path("out." + ext), Fixtures.Label("suanbei"));
        Assert.Equal(Fixtures.Label("suanbei").ToJson(), OfficeFixtures.ReadAigc(f.Path("out." + ext)));
        Assert.Single(LabelFile.Verify(f.Path("out." + ext)).Labels);
    }

    [Fact]
    public void Ooxml_that_is_not_a_zip_is_inconclusive()
    {
        using var f = new Fixtures();
        var bytes = File.ReadAllBytes(f.Office("docx"));
        File.WriteAllBytes(f.Path("bad.docx"), bytes[..(bytes.Length - 30)]);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(f.Path("bad.docx")).Verdict);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pdf_XMP_label_from_exiftool_is_read_and_moved_to_the_Info_dictionary(bool objectStreams)
    {
        using var f = new Fixtures();
        var pdf = f.Pdf(objectStreams: objectStreams);
        Fixtures.ExifTool("-q", "-overwrite_original", "-XMP-TC260:AIGC=" + Fixtures.Label("xmp").ToJson(), "-XMP-dc:Creator=工作室", pdf);
        var r = LabelFile.Verify(pdf);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal("pdf/Metadata/XMP", Assert.Single(r.Labels).Placement);

        LabelFile.Write(pdf, f.Path("out.pdf"), Fixtures.Label("info"));
        var after = LabelFile.Verify(f.Path("out.pdf"));
        Assert.Equal(Verdict.Compliant, after.Verdict);
        var label = Assert.Single(after.Labels);
        Assert.Equal(("pdf/Info/AIGC", "info"), (label.Placement, label.Label!.ProduceID));
        FormatCases.QpdfCheck(f.Path("out.pdf"));
        Assert.Equal("工作室", Fixtures.ExifTool("-s3", "-XMP-dc:Creator", f.Path("out.pdf")).Trim());
        Assert.Equal("", Fixtures.ExifTool("-s3", "-XMP-TC260:AIGC", f.Path("out.pdf")).Trim());
    }

    [Fact]
    public void Markdown_block_and_quoted_forms_are_read()
    {
        using var f = new Fixtures();
        var l = Fixtures.Label("md");
        var block = "---\ntitle: x\nAIGC:\n  Label: \"1\"\n  ContentProducer: " + l.ContentProducer +
            "\n  ProduceID: md\n  ReservedCode1: ''\n" +
                    "  ContentPropagator: " + l.ContentPropagator + "\n  PropagateID: md\n  ReservedCode2: \"\"\n---\n正文\n";
        var r = LabelFile.Verify(f.TextFile("md", block, "block"));
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal(l, r.Labels.Single().Label);

        var quoted = "---\nAIGC: '" + l.ToJson() + "'\n---\n正文\n";
        Assert.Equal(l, LabelFile.Verify(f.TextFile("md", quoted, "quoted")).Labels.Single().Label);

        // Replacing the block form leaves one flow-form entry and keeps the other keys and the body.
        LabelFile.Write(f.Path("block.md"), f.Path("out.md"), Fixtures.Label("new"));
        var text = File.ReadAllText(f.Path("out.md"));
        Assert.StartsWith("---\ntitle: x\nAIGC: {", text);
        Assert.EndsWith("---\n正文\n", text);
        Assert.Equal("new", LabelFile.Verify(f.Path("out.md")).Labels.Single().Label!.ProduceID);
    }

    [Fact]
    public void Markdown_without_front_matter_gets_one_and_keeps_the_body()
    {
        using var f = new Fixtures();
        var md = f.TextFile("md", "# 标题\n\n正文\n");
        LabelFile.Write(md, f.Path("out.md"), Fixtures.Label());
        Assert.Equal("---\nAIGC: " + Fixtures.Label().ToJson() + "\n---\n# 标题\n\n正文\n", File.ReadAllText(f.Path("out.md")));
    }

    [Fact]
    public void Unterminated_front_matter_is_inconclusive()
    {
        using var f = new Fixtures();
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(f.TextFile("md", "---\nAIGC: {}\n正文")).Verdict);
    }

    [Fact]
    public void Text_first_line_label_is_read_and_moved_to_the_last_line()
    {
        using var f = new Fixtures();
        var txt = f.TextFile("txt", "AIGC: " + Fixtures.Label("first").ToWrappedJson() + "\n正文第一行\n正文第二行\n");
        var r = LabelFile.Verify(txt);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal("text/first-line", r.Labels.Single().Placement);
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(txt, Fixtures.Label("x")));

        LabelFile.Write(txt, f.Path("out.txt"), Fixtures.Label("last"));
        Assert.Equal("正文第一行\n正文第二行\nAIGC: " + Fixtures.Label("last").ToJson() + "\n", File.ReadAllText(f.Path("out.txt")));
    }

    [Fact]
    public void Text_with_labels_on_first_and_last_lines_is_noncompliant()
    {
        using var f = new Fixtures();
        var line = "AIGC: " + Fixtures.Label().ToJson();
        var r = LabelFile.Verify(f.TextFile("txt", line + "\n正文\n" + line + "\n"));
        Assert.Equal(Verdict.Noncompliant, r.Verdict);
        Assert.Contains(r.Problems, p => p.Code == LabelProblem.MultipleLabels);
    }

    [Fact]
    public void Text_mentioning_AIGC_in_the_middle_is_not_a_label()
    {
        using var f = new Fixtures();
        Assert.Equal(Verdict.NotFound, LabelFile.Verify(f.TextFile("txt", "第一行\nAIGC: 说明\n最后一行\n")).Verdict);
    }
}
