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
    public void Replacing_an_exiftool_XMP_item_reuses_it_and_keeps_one_label()
    {
        using var f = new Fixtures();
        var file = f.Heif("heic");
        Fixtures.ExifTool("-q", "-overwrite_original", "-XMP-TC260:AIGC=" + Fixtures.Label("old").ToJson(), "-XMP-dc:Creator=工作室", file);
        LabelFile.Write(file, f.Path("once.heic"), Fixtures.Label("new"));
        LabelFile.Write(f.Path("once.heic"), f.Path("twice.heic"), Fixtures.Label("newer"));
        var r = LabelFile.Verify(f.Path("twice.heic"));
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal("newer", Assert.Single(r.Labels).Label!.ProduceID);
        Assert.Equal("工作室", Fixtures.ExifTool("-s3", "-XMP-dc:Creator", f.Path("twice.heic")).Trim());
        Assert.Equal(Fixtures.PixelHash(file), Fixtures.PixelHash(f.Path("twice.heic")));
        // The second write replaced the first appended mdat instead of adding another.
        Assert.True(new FileInfo(f.Path("twice.heic")).Length <= new FileInfo(f.Path("once.heic")).Length + 16);
    }

    [Fact]
    public void In_place_is_refused()
    {
        using var f = new Fixtures();
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(f.Heif("avif"), Fixtures.Label()));
    }
}
