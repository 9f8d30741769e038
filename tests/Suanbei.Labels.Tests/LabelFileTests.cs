namespace Suanbei.Labels.Tests;

/// <summary>The facade: detection, atomic output, refusals that leave the input untouched.</summary>
public class LabelFileTests
{
    /// <summary>Files under <see cref="LabelFile.SmallFileLength"/> are verified from one read into memory, larger ones
    /// through a stream: the same labeled PNG on both sides of the threshold (a large ancillary chunk before IEND) and
    /// truncated must get the same verdicts and labels.</summary>
    [Fact]
    public void Small_and_large_files_get_the_same_verdicts()
    {
        using var f = new Fixtures();
        var small = f.Path("small.png");
        LabelFile.Write(f.Image("png"), small, Fixtures.Label());
        var bytes = File.ReadAllBytes(small);
        var iend = bytes.Length - 12;
        var padding = Suanbei.Labels.Formats.Png.PngChunks.BuildChunk("zzZz", new byte[LabelFile.SmallFileLength]);
        var large = f.Path("large.png");
        File.WriteAllBytes(large, [.. bytes[..iend], .. padding, .. bytes[iend..]]);
        Assert.True(new FileInfo(small).Length < LabelFile.SmallFileLength && new FileInfo(large).Length > LabelFile.SmallFileLength);

        foreach (var (path, expected) in new[] { (small, Verdict.Compliant), (large, Verdict.Compliant) })
        {
            var report = LabelFile.Verify(path);
            Assert.Equal(expected, report.Verdict);
            Assert.Equal("png/iTXt/XMP", Assert.Single(report.Labels).Placement);
            Assert.Equal("img-0001", report.Labels[0].Fields["ProduceID"]);
            var cut = path + ".cut.png";
            var all = File.ReadAllBytes(path);
            File.WriteAllBytes(cut, all[..(all.Length - 20)]);
            var damaged = LabelFile.Verify(cut);
            Assert.Equal(Verdict.Inconclusive, damaged.Verdict);
            Assert.Contains(damaged.Problems, p => p.Code == LabelProblem.ContainerDamaged);
        }
    }

    [Fact]
    public void Output_equal_to_input_is_refused_and_the_input_is_untouched()
    {
        using var f = new Fixtures();
        var png = f.Image("png");
        var before = File.ReadAllBytes(png);
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(png, png, Fixtures.Label()));
        Assert.Contains("--in-place", e.Message);
        Assert.Equal(before, File.ReadAllBytes(png));
    }

    [Fact]
    public void An_invalid_label_is_refused_before_anything_is_written()
    {
        using var f = new Fixtures();
        var bad = AigcLabel.ForProducer("001191440300708461136U1XGW3", "id 1");
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(f.Image("png"), f.Path("out.png"), bad));
        Assert.Contains("ContentProducer", e.Message);
        Assert.Contains("ProduceID", e.Message);
        Assert.False(File.Exists(f.Path("out.png")));
    }

    [Fact]
    public void Existing_output_is_replaced_only_on_success()
    {
        using var f = new Fixtures();
        File.WriteAllText(f.Path("out.png"), "old");
        var png = f.Image("png");
        var bytes = File.ReadAllBytes(png);
        File.WriteAllBytes(f.Path("cut.png"), bytes[..(bytes.Length / 2)]);
        Assert.Throws<LabelWriteException>(() => LabelFile.Write(f.Path("cut.png"), f.Path("out.png"), Fixtures.Label()));
        Assert.Equal("old", File.ReadAllText(f.Path("out.png")));
        Assert.Empty(Directory.GetFiles(f.Dir, ".*.tmp"));
        LabelFile.Write(png, f.Path("out.png"), Fixtures.Label());
        Assert.Equal(Verdict.Compliant, LabelFile.Verify(f.Path("out.png")).Verdict);
    }

    [Fact]
    public void In_place_is_refused_where_the_container_would_need_moving_data()
    {
        using var f = new Fixtures();
        var png = f.Image("png");
        var before = File.ReadAllBytes(png);
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(png, Fixtures.Label()));
        Assert.Equal(before, File.ReadAllBytes(png));
    }

    [Fact]
    public void Unknown_content_is_inconclusive_not_not_found()
    {
        using var f = new Fixtures();
        File.WriteAllBytes(f.Path("x.bin"), [1, 2, 3, 4, 5]);
        var r = LabelFile.Verify(f.Path("x.bin"));
        Assert.Equal(Verdict.Inconclusive, r.Verdict);
        Assert.Equal(LabelProblem.UnsupportedFormat, r.Problems.Single().Code);
    }

    [Fact]
    public void Detection_uses_content_not_the_extension_for_magic_formats()
    {
        using var f = new Fixtures();
        var jpg = f.Image("jpg");
        File.Copy(jpg, f.Path("really-a-jpeg.png"));
        Assert.Equal("jpeg", LabelFile.Detect(f.Path("really-a-jpeg.png"))!.Name);
    }
}
