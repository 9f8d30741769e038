using System.Text;

namespace Suanbei.Labels.Tests;

/// <summary>SVG and HTML specifics beyond the table-driven round trips (FormatCases): propagation, what survives a
/// write, what is not a label, and damaged input.</summary>
public class MarkupFormatTests
{
    [Theory]
    [InlineData("svg")]
    [InlineData("html")]
    public void Propagation_keeps_the_producer_and_adds_the_platform(string extension)
    {
        using var f = new Fixtures();
        var input = f.TextFile(extension, extension == "svg" ? MarkupSamples.SvgWithRdf : MarkupSamples.Html);
        var labeled = f.Path("labeled." + extension);
        LabelFile.Write(input, labeled, Fixtures.Label("gen-1"));
        var output = f.Path("propagated." + extension);
        Propagation.PropagateFile(labeled, output, Fixtures.Producer2, "platform-7", false);
        var label = Assert.Single(LabelFile.Verify(output).Labels).Label!;
        Assert.Equal(Fixtures.Producer, label.ContentProducer);
        Assert.Equal("gen-1", label.ProduceID);
        Assert.Equal(Fixtures.Producer2, label.ContentPropagator);
        Assert.Equal("platform-7", label.PropagateID);
    }

    [Fact]
    public void Svg_keeps_other_metadata_and_relabelling_does_not_grow_the_file()
    {
        using var f = new Fixtures();
        var input = f.TextFile("svg", MarkupSamples.SvgWithRdf);
        LabelFile.Write(input, f.Path("one.svg"), Fixtures.Label("aaaa"));
        LabelFile.Write(f.Path("one.svg"), f.Path("two.svg"), Fixtures.Label("bbbb"));
        LabelFile.Write(f.Path("two.svg"), f.Path("three.svg"), Fixtures.Label("cccc"));
        Assert.Equal(new FileInfo(f.Path("two.svg")).Length, new FileInfo(f.Path("three.svg")).Length);
        Assert.True(new FileInfo(f.Path("two.svg")).Length <= new FileInfo(f.Path("one.svg")).Length);
        var text = File.ReadAllText(f.Path("three.svg"));
        Assert.Contains("<dc:title>示例</dc:title>", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "<metadata"));
        Assert.Equal("示例", Fixtures.ExifTool("-s3", "-XMP-cc:WorkTitle", f.Path("three.svg")).Trim());
    }

    [Fact]
    public void Html_in_another_encoding_keeps_every_byte_outside_the_label()
    {
        using var f = new Fixtures();
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        var page = "<html><head><meta charset=\"gbk\"><title>示例</title></head><body><p>中文正文</p></body></html>\n";
        var input = f.Path("gbk.html");
        File.WriteAllBytes(input, gbk.GetBytes(page));
        var output = f.Path("gbk-labeled.html");
        LabelFile.Write(input, output, Fixtures.Label());
        var written = File.ReadAllBytes(output);
        var content = System.Net.WebUtility.HtmlEncode(Fixtures.Label().ToJson());
        var meta = Encoding.ASCII.GetBytes($"\n<meta name=\"AIGC\" content=\"{content}\">");
        // Right after the encoding declaration, which has to stay within the first 1024 bytes.
        var at = gbk.GetBytes("<html><head><meta charset=\"gbk\">").Length;
        Assert.Equal(File.ReadAllBytes(input), written[..at].Concat(written[(at + meta.Length)..]).ToArray());
        Assert.Equal(meta, written[at..(at + meta.Length)]);

        LabelFile.Write(output, f.Path("again.html"), Fixtures.Label("second"));
        Assert.Equal("second", Assert.Single(LabelFile.Verify(f.Path("again.html")).Labels).Label!.ProduceID);
        Assert.Equal(written.Length, new FileInfo(f.Path("again.html")).Length - "second".Length * 2 + "img-0001".Length * 2);
    }

    [Theory]
    [InlineData("cut.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><x:xmpmeta")]
    [InlineData("open-comment.html", "<html><head><!-- <meta name=\"AIGC\" content=\"x\"></head>")]
    [InlineData("not.svg", "<html><body>not svg</body></html>")]
    public void Damaged_markup_is_inconclusive_and_is_not_written(string name, string content)
    {
        using var f = new Fixtures();
        var input = f.TextFile(Path.GetExtension(name).TrimStart('.'), content, Path.GetFileNameWithoutExtension(name));
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(input).Verdict);
        var output = f.Path("never" + Path.GetExtension(name));
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(input, output, Fixtures.Label()));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(f.Dir, "*.tmp"));
        Assert.Empty(Directory.GetFiles(f.Dir, "*.partial"));
    }
}
