using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Write with Suanbei, read back with Suanbei and with exiftool; replace; damaged inputs.</summary>
public class RoundTripTests
{
    [Theory]
    [MemberData(nameof(FormatCases.Names), MemberType = typeof(FormatCases))]
    public void Written_label_reads_back_in_the_first_placement_and_payload_is_untouched(string format)
    {
        var c = FormatCases.All[format];
        using var f = new Fixtures();
        var input = c.Make(f);
        var before = File.ReadAllBytes(input);
        Assert.Equal(Verdict.NotFound, LabelFile.Verify(input).Verdict);
        Assert.Equal(c.Format, LabelFile.Detect(input)!.Name);

        var output = f.Path("labeled" + Path.GetExtension(input));
        LabelFile.Write(input, output, Fixtures.Label());

        var report = LabelFile.Verify(output);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        var found = Assert.Single(report.Labels);
        Assert.Equal(c.Placement, found.Placement);
        Assert.Equal(Fixtures.Label(), found.Label);
        Assert.Equal(before, File.ReadAllBytes(input));
        if (c.Pixels) Assert.Equal(Fixtures.PixelHash(input), Fixtures.PixelHash(output));
        c.CheckValid?.Invoke(output);
    }

    [Theory]
    [MemberData(nameof(FormatCases.Names), MemberType = typeof(FormatCases))]
    public void Writing_again_replaces_the_label(string format)
    {
        var c = FormatCases.All[format];
        using var f = new Fixtures();
        var input = c.Make(f);
        var ext = Path.GetExtension(input);
        LabelFile.Write(input, f.Path("one" + ext), Fixtures.Label("first"));
        var second = AigcLabel.ForProducer(Fixtures.Producer2, "second", "2");
        LabelFile.Write(f.Path("one" + ext), f.Path("two" + ext), second);
        var report = LabelFile.Verify(f.Path("two" + ext));
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(second, Assert.Single(report.Labels).Label);
    }

    [Theory]
    [MemberData(nameof(FormatCases.Names), MemberType = typeof(FormatCases))]
    public void Exiftool_reads_what_Suanbei_writes(string format)
    {
        var c = FormatCases.All[format];
        if (c.ExifToolTag is null) return;
        using var f = new Fixtures();
        var input = c.Make(f);
        var output = f.Path("labeled" + Path.GetExtension(input));
        LabelFile.Write(input, output, Fixtures.Label());
        Assert.Equal(Fixtures.Label().ToJson(), Fixtures.ExifToolAigc(output, c.ExifToolTag));
    }

    [Theory]
    [MemberData(nameof(FormatCases.Names), MemberType = typeof(FormatCases))]
    public void Suanbei_reads_what_exiftool_writes(string format)
    {
        var c = FormatCases.All[format];
        if (c.ExifToolTag is null || !c.ExifToolWrites) return;
        using var f = new Fixtures();
        var file = c.Make(f);
        Fixtures.ExifTool("-q", "-overwrite_original", $"-{c.ExifToolTag}=" + Fixtures.Label("by-exiftool").ToJson(), file);
        var report = LabelFile.Verify(file);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal("by-exiftool", Assert.Single(report.Labels).Label!.ProduceID);
    }

    [Theory]
    [MemberData(nameof(FormatCases.InPlaceNames), MemberType = typeof(FormatCases))]
    public void In_place_write_replaces_the_label_without_moving_existing_bytes(string format)
    {
        var c = FormatCases.All[format];
        using var f = new Fixtures();
        var input = c.Make(f);
        var file = f.Path("labeled" + Path.GetExtension(input));
        LabelFile.Write(input, file, Fixtures.Label("first"));
        var contentBefore = Signing.ContentHash(file);
        LabelFile.WriteInPlace(file, Fixtures.Label("second"));
        // The bytes outside the label unit are unchanged (the signed-content definition of each format).
        Assert.Equal(contentBefore, Signing.ContentHash(file));
        var report = LabelFile.Verify(file);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal("second", Assert.Single(report.Labels).Label!.ProduceID);
        c.CheckValid?.Invoke(file);
    }

    [Theory]
    [MemberData(nameof(FormatCases.Names), MemberType = typeof(FormatCases))]
    public void A_truncated_labeled_file_is_inconclusive_and_cannot_be_written(string format)
    {
        var c = FormatCases.All[format];
        if (!c.HasStructure) return; // plain text: a cut label line is just an invalid label (noncompliant), tested below
        using var f = new Fixtures();
        var input = c.Make(f);
        var labeled = f.Path("labeled" + Path.GetExtension(input));
        LabelFile.Write(input, labeled, Fixtures.Label());
        var bytes = File.ReadAllBytes(labeled);
        var cut = f.Path("cut" + Path.GetExtension(input));
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(cut).Verdict);
        Assert.Throws<LabelWriteException>(() => LabelFile.Write(cut, f.Path("never" + Path.GetExtension(input)), Fixtures.Label()));
        Assert.False(File.Exists(f.Path("never" + Path.GetExtension(input))));
        Assert.Empty(Directory.GetFiles(f.Dir, "*.tmp"));
    }
}
