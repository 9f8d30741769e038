using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>HEIF/AVIF: read-only. Fixtures from libvips (AVIF, HEIC); labels written by exiftool.</summary>
public class HeifTests
{
    [Theory]
    [InlineData("avif")]
    [InlineData("heic")]
    public void Suanbei_reads_the_XMP_item_exiftool_writes(string ext)
    {
        using var f = new Fixtures();
        var file = f.Path("x." + ext);
        ExternalTool.RunChecked("vips", "copy", f.Image("png"), file);
        Assert.Equal("heif", LabelFile.Detect(file)!.Name);
        Assert.Equal(Verdict.NotFound, LabelFile.Verify(file).Verdict);

        Fixtures.ExifTool("-q", "-overwrite_original", "-XMP-TC260:AIGC=" + Fixtures.Label("heif").ToJson(), file);
        var r = LabelFile.Verify(file);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        var label = Assert.Single(r.Labels);
        Assert.Equal("heif/meta/XMP", label.Placement);
        Assert.Equal("heif", label.Label!.ProduceID);
    }

    [Fact]
    public void Truncated_heif_is_inconclusive_and_writing_is_refused()
    {
        using var f = new Fixtures();
        var file = f.Path("x.avif");
        ExternalTool.RunChecked("vips", "copy", f.Image("png"), file);
        Assert.Throws<LabelWriteException>(() => LabelFile.Write(file, f.Path("y.avif"), Fixtures.Label()));
        Assert.False(File.Exists(f.Path("y.avif")));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(f.Path("cut.avif"), bytes[..(bytes.Length / 2)]);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(f.Path("cut.avif")).Verdict);
    }
}
