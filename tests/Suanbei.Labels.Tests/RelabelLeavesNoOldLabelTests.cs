using System.Security.Cryptography;
using System.Text;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Relabelling a TIFF or PDF leaves no copy of the old label anywhere in the file's bytes (issue: "replacing
/// any existing label so a file never carries two"), while peer tools still read the file, the new label and the
/// unchanged pixels or page text.</summary>
public class RelabelLeavesNoOldLabelTests
{
    private const string OldId = "oldlabel7f3a";

    private static int Occurrences(string path, string text)
    {
        var bytes = File.ReadAllBytes(path);
        var needle = Encoding.ASCII.GetBytes(text);
        var count = 0;
        for (var i = bytes.AsSpan().IndexOf(needle); i >= 0;)
        {
            count++;
            var next = bytes.AsSpan(i + 1).IndexOf(needle);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }

    /// <summary>Relabels <paramref name="labeled"/> into a new file or in place; returns the path of the result.</summary>
    private static string Relabel(Fixtures f, string labeled, AigcLabel label, bool inPlace)
    {
        if (inPlace) { LabelFile.WriteInPlace(labeled, label); return labeled; }
        var output = f.Path("relabeled" + Path.GetExtension(labeled));
        LabelFile.Write(labeled, output, label);
        return output;
    }

    /// <summary>How often the id appears in one label (ProduceID, and PropagateID when the producer is the propagator).</summary>
    private static int PerLabel(string id)
    {
        var json = Fixtures.Label(id).ToJson();
        return (json.Length - json.Replace(id, "").Length) / id.Length;
    }

    private static void AssertOnlyNewLabel(string path, string newId)
    {
        Assert.Equal(0, Occurrences(path, OldId));
        Assert.Equal(PerLabel(newId), Occurrences(path, newId));
        var report = LabelFile.Verify(path);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(newId, Assert.Single(report.Labels).Label!.ProduceID);
    }

    // ---- TIFF ----

    private static string Tiff(Fixtures f, string kind) => kind switch
    {
        "le" => f.Image("tif", "le", "-endian", "LSB"),
        "be-lzw" => f.Image("tif", "be", "-endian", "MSB", "-compress", "lzw"),
        "multipage-be" => MultiPage(f),
        _ => throw new ArgumentException(kind),
    };

    private static string MultiPage(Fixtures f)
    {
        var path = f.Path("multi.tif");
        ExternalTool.RunChecked("convert", "-size", "48x32", "gradient:red-blue", "gradient:green-yellow", "xc:white", "-endian", "MSB", path);
        return path;
    }

    /// <summary>Pages as ImageMagick's identify lists them, and a hash of every page's decoded pixels.</summary>
    private static (string Pages, string Pixels) TiffPages(string path)
    {
        var pages = ExternalTool.RunChecked("identify", "-format", "%p:%wx%h:%[tiff:endian];", path);
        var r = ExternalTool.Run("convert", [path, "-depth", "8", "rgba:-"]);
        Assert.Equal(0, r.ExitCode);
        return (pages, Convert.ToHexString(SHA256.HashData(Encoding.Latin1.GetBytes(r.StdOut))));
    }

    public static IEnumerable<object[]> TiffCases() =>
        from kind in new[] { "le", "be-lzw", "multipage-be" }
        from newId in new[] { "newlabel9c1b", "a-much-longer-produce-id-that-cannot-fit-where-the-old-one-was-0123456789" }
        from inPlace in new[] { false, true }
        select new object[] { kind, newId, inPlace };

    [Theory]
    [MemberData(nameof(TiffCases))]
    public void Tiff_relabel_leaves_no_old_label_bytes(string kind, string newId, bool inPlace)
    {
        using var f = new Fixtures();
        var input = Tiff(f, kind);
        var before = TiffPages(input);
        var labeled = f.Path("labeled.tif");
        LabelFile.Write(input, labeled, Fixtures.Label(OldId));
        Assert.Equal(PerLabel(OldId), Occurrences(labeled, OldId));

        var output = Relabel(f, labeled, Fixtures.Label(newId), inPlace);

        AssertOnlyNewLabel(output, newId);
        Assert.Contains(newId, Fixtures.ExifToolAigc(output, "XMP-TC260:AIGC"));
        Assert.Equal(before, TiffPages(output));
        if (kind == "multipage-be") Assert.Equal(3, before.Pages.Split(';', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Tiff_label_written_by_exiftool_is_replaced_without_a_trace_and_other_XMP_is_kept()
    {
        using var f = new Fixtures();
        var tif = f.Image("tif", "exif", "-endian", "MSB");
        Fixtures.ExifTool("-q", "-overwrite_original", "-XMP-TC260:AIGC=" + Fixtures.Label(OldId).ToJson(), "-XMP-dc:Creator=工作室", tif);
        Assert.Equal(PerLabel(OldId), Occurrences(tif, OldId));
        var before = TiffPages(tif);

        var output = Relabel(f, tif, Fixtures.Label("newlabel9c1b"), inPlace: false);

        AssertOnlyNewLabel(output, "newlabel9c1b");
        Assert.Equal("工作室", Fixtures.ExifTool("-s3", "-XMP-dc:Creator", output).Trim());
        Assert.Equal(before, TiffPages(output));
    }

    [Fact]
    public void Tiff_whose_XMP_points_into_the_pixels_is_refused_and_left_unchanged()
    {
        using var f = new Fixtures();
        var labeled = f.Path("labeled.tif");
        LabelFile.Write(f.Image("tif", "plain", "-endian", "LSB", "-compress", "none"), labeled, Fixtures.Label(OldId));
        // Repoint the XMP entry (LSB, IFD0 from the header) at the first strip.
        var bytes = File.ReadAllBytes(labeled);
        var ifd0 = BitConverter.ToInt32(bytes, 4);
        int count = BitConverter.ToUInt16(bytes, ifd0), xmpEntry = -1, stripOffset = -1;
        for (var i = 0; i < count; i++)
        {
            var at = ifd0 + 2 + 12 * i;
            var tag = BitConverter.ToUInt16(bytes, at);
            if (tag == 0x02BC) xmpEntry = at;
            if (tag != 273) continue;
            var (type, n) = (BitConverter.ToUInt16(bytes, at + 2), BitConverter.ToInt32(bytes, at + 4));
            var first = (type == 3 ? 2 : 4) * n <= 4 ? at + 8 : BitConverter.ToInt32(bytes, at + 8); // inline or the array
            stripOffset = type == 3 ? BitConverter.ToUInt16(bytes, first) : BitConverter.ToInt32(bytes, first);
        }
        Assert.True(xmpEntry > 0 && stripOffset > 0);
        BitConverter.GetBytes(16).CopyTo(bytes, xmpEntry + 4); // 16 bytes of pixels as "XMP"
        BitConverter.GetBytes(stripOffset).CopyTo(bytes, xmpEntry + 8);
        File.WriteAllBytes(labeled, bytes);
        var crafted = File.ReadAllBytes(labeled);

        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(labeled, f.Path("out.tif"), Fixtures.Label("newlabel9c1b")));
        Assert.Contains("重叠", e.Message);
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(labeled, Fixtures.Label("newlabel9c1b")));
        Assert.Equal(crafted, File.ReadAllBytes(labeled));
        Assert.False(File.Exists(f.Path("out.tif")));
    }
}
