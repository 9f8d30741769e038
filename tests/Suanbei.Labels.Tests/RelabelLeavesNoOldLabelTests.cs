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
        ExternalTool.RunChecked("convert", "-size", "48x32", "gradient:red-blue", "gradient:green-yellow", "xc:white", "-endian", "MSB",
            path);
        return path;
    }

    /// <summary>Pages as ImageMagick's identify lists them, and a hash of every page's decoded pixels.</summary>
    private static (string Pages, string Pixels) TiffPages(string path)
    {
        var identify = ExternalTool.Run("identify", ["-format", "%p:%wx%h:%[tiff:endian];", path]);
        Assert.True(identify.ExitCode == 0 && identify.StdErr == "", $"identify {path}: {identify.StdErr}"); // libtiff warns on bad IFDs
        var pages = identify.StdOut;
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

        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(labeled, f.Path("out.tif"), Fixtures.Label("newlabel9c1b")));
        Assert.Contains("重叠", e.Message);
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(labeled, Fixtures.Label("newlabel9c1b")));
        Assert.Equal(bytes, File.ReadAllBytes(labeled));
        Assert.False(File.Exists(f.Path("out.tif")));
    }

    // ---- PDF ----

    /// <summary>The file's bytes followed by the inflated data of every stream that inflates (a scanner that also looks
    /// inside compressed object streams and XMP streams, of every revision, live or not).</summary>
    private static byte[] BytesAndInflatedStreams(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var all = new MemoryStream();
        all.Write(bytes);
        for (var i = bytes.AsSpan().IndexOf("stream"u8); i >= 0;)
        {
            var start = i + 6;
            if (start < bytes.Length && bytes[start] == '\r') start++;
            if (start < bytes.Length && bytes[start] == '\n')
            {
                try
                {
                    using var z = new System.IO.Compression.ZLibStream(
                        new MemoryStream(bytes, start + 1, bytes.Length - start - 1), System.IO.Compression.CompressionMode.Decompress);
                    z.CopyTo(all);
                }
                catch (InvalidDataException) { } // not Flate (or not a stream keyword): the raw bytes are already scanned
            }
            var next = bytes.AsSpan(i + 1).IndexOf("stream"u8);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return all.ToArray();
    }

    private static int OccurrencesAnywhere(string path, string text)
    {
        var bytes = BytesAndInflatedStreams(path);
        var needle = Encoding.ASCII.GetBytes(text);
        var count = 0;
        for (var at = 0; ; at++)
        {
            var i = bytes.AsSpan(at).IndexOf(needle);
            if (i < 0) return count;
            count++;
            at += i;
        }
    }

    private static string PageText(string pdf) => ExternalTool.RunChecked("pdftotext", "-layout", pdf, "-");

    private static void AssertPdfRelabelled(string original, string output, string newId)
    {
        FormatCases.QpdfCheck(output);
        Assert.Equal(0, Occurrences(output, OldId));
        Assert.Equal(0, OccurrencesAnywhere(output, OldId));
        var report = LabelFile.Verify(output);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(newId, Assert.Single(report.Labels).Label!.ProduceID);
        Assert.Equal(Fixtures.Label(newId).ToJson(), Fixtures.ExifToolAigc(output, "PDF:AIGC"));
        Assert.Equal("", Fixtures.ExifTool("-s3", "-XMP-TC260:AIGC", output).Trim());
        Assert.Equal(PageText(original), PageText(output));
        Assert.Contains("hello AIGC", PageText(output));
        Assert.Equal(ExternalTool.RunChecked("pdfinfo", original).Split('\n').First(l => l.StartsWith("Pages:")),
                     ExternalTool.RunChecked("pdfinfo", output).Split('\n').First(l => l.StartsWith("Pages:")));
    }

    public static IEnumerable<object[]> PdfCases() =>
        from objectStreams in new[] { false, true }
        from inPlace in new[] { false, true }
        select new object[] { objectStreams, inPlace };

    [Theory]
    [MemberData(nameof(PdfCases))]
    public void Pdf_relabel_after_Suanbei_leaves_no_old_label_in_any_revision(bool objectStreams, bool inPlace)
    {
        using var f = new Fixtures();
        var input = f.Pdf(objectStreams: objectStreams);
        var labeled = f.Path("labeled.pdf");
        LabelFile.Write(input, labeled, Fixtures.Label(OldId));
        Assert.Equal(PerLabel(OldId), Occurrences(labeled, OldId));
        var labeledLength = (int)new FileInfo(labeled).Length;

        var output = Relabel(f, labeled, Fixtures.Label("newlabel9c1b"), inPlace);

        AssertPdfRelabelled(input, output, "newlabel9c1b");
        // The superseded revision is still a valid PDF, now without any label.
        var firstRevision = f.Path("first-revision.pdf");
        File.WriteAllBytes(firstRevision, File.ReadAllBytes(output)[..labeledLength]);
        FormatCases.QpdfCheck(firstRevision);
        Assert.Equal(Verdict.NotFound, LabelFile.Verify(firstRevision).Verdict);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pdf_labels_in_two_revisions_are_both_erased(bool inPlace)
    {
        using var f = new Fixtures();
        var input = f.Pdf();
        var pdf = f.Path("exiftool.pdf");
        File.Copy(input, pdf);
        // exiftool appends an update with the label; a second appending writer (as Suanbei before this fix) redefines
        // the Info dictionary again, so the first label stays in the earlier revision.
        Fixtures.ExifTool("-q", "-overwrite_original", "-PDF:AIGC=" + Fixtures.Label(OldId).ToJson(), "-PDF:Title=标题", pdf);
        AppendInfoUpdate(pdf, "/Title <FEFF68079898> /AIGC " + Literal(Fixtures.Label(OldId + "x").ToJson()));
        FormatCases.QpdfCheck(pdf);
        Assert.Equal(OldId + "x", LabelFile.Verify(pdf).Labels.Single().Label!.ProduceID);
        Assert.Equal(PerLabel(OldId) * 2, Occurrences(pdf, OldId));

        var output = Relabel(f, pdf, Fixtures.Label("newlabel9c1b"), inPlace);

        AssertPdfRelabelled(input, output, "newlabel9c1b");
        Assert.Equal("标题", Fixtures.ExifTool("-s3", "-PDF:Title", output).Trim());
    }

    private static string Literal(string text) => "(" + text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";

    /// <summary>Appends a hand-made incremental update that redefines the Info dictionary as <paramref name="entries"/>.</summary>
    private static void AppendInfoUpdate(string pdf, string entries)
    {
        var trailer = ExternalTool.RunChecked("qpdf", "--show-object=trailer", pdf);
        string Ref(string key) => System.Text.RegularExpressions.Regex.Match(trailer, "/" + key + @" (\d+ \d+) R").Groups[1].Value;
        var size = System.Text.RegularExpressions.Regex.Match(trailer, @"/Size (\d+)").Groups[1].Value;
        var bytes = File.ReadAllBytes(pdf);
        var tail = Encoding.Latin1.GetString(bytes[^Math.Min(bytes.Length, 1024)..]);
        var prev = System.Text.RegularExpressions.Regex.Matches(tail, @"startxref\s+(\d+)").Last().Groups[1].Value;
        var info = Ref("Info");
        var body = new StringBuilder("\n");
        var objectOffset = bytes.Length + body.Length;
        body.Append($"{info} obj\n<< {entries} >>\nendobj\n");
        var xref = bytes.Length + Encoding.Latin1.GetByteCount(body.ToString());
        body.Append($"xref\n{info.Split(' ')[0]} 1\n{objectOffset:D10} {int.Parse(info.Split(' ')[1]):D5} n\r\n");
        body.Append($"trailer\n<< /Size {size} /Root {Ref("Root")} R /Info {info} R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n");
        using var file = new FileStream(pdf, FileMode.Append);
        file.Write(Encoding.Latin1.GetBytes(body.ToString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pdf_XMP_label_from_exiftool_is_erased_and_other_XMP_kept(bool objectStreams)
    {
        using var f = new Fixtures();
        var input = f.Pdf(objectStreams: objectStreams);
        var pdf = f.Path("xmp.pdf");
        File.Copy(input, pdf);
        Fixtures.ExifTool("-q", "-overwrite_original", "-XMP-TC260:AIGC=" + Fixtures.Label(OldId).ToJson(), "-XMP-dc:Creator=工作室", pdf);
        Assert.True(OccurrencesAnywhere(pdf, OldId) > 0);

        var output = Relabel(f, pdf, Fixtures.Label("newlabel9c1b"), inPlace: false);

        AssertPdfRelabelled(input, output, "newlabel9c1b");
        Assert.Equal("工作室", Fixtures.ExifTool("-s3", "-XMP-dc:Creator", output).Trim());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Pdf_label_compressed_inside_an_object_stream_is_erased_keeping_the_stream_length(bool inPlace, bool linearized)
    {
        using var f = new Fixtures();
        var input = f.Pdf();
        var labeled = f.Path("labeled.pdf");
        LabelFile.Write(input, labeled, Fixtures.Label(OldId));
        // qpdf folds the revisions into one and moves the labelled Info dictionary into a Flate object stream.
        var packed = f.Path("packed.pdf");
        ExternalTool.RunChecked("qpdf", [.. (linearized ? new[] { "--linearize" } : []), "--object-streams=generate",
            "--compress-streams=y", labeled, packed]);
        Assert.Equal(0, Occurrences(packed, OldId));
        Assert.Equal(PerLabel(OldId), OccurrencesAnywhere(packed, OldId));
        Assert.Equal("pdf/Info/AIGC", Assert.Single(LabelFile.Verify(packed).Labels).Placement);
        var packedLength = File.ReadAllBytes(packed).Length;

        var output = Relabel(f, packed, Fixtures.Label("newlabel9c1b"), inPlace);

        AssertPdfRelabelled(input, output, "newlabel9c1b");
        Assert.Equal(packedLength, File.ReadAllBytes(output).AsSpan().IndexOf("\n%Suanbei-AIGC-update\n"u8));
    }

    /// <summary>Appends a hybrid-reference update (as Word writes them): a new Info dictionary inside an unfiltered object
    /// stream, listed only in the xref stream that the classic trailer's /XRefStm names.</summary>
    private static void AppendHybridInfoUpdate(string pdf, string infoDict)
    {
        var trailer = ExternalTool.RunChecked("qpdf", "--show-object=trailer", pdf);
        var size = int.Parse(System.Text.RegularExpressions.Regex.Match(trailer, @"/Size (\d+)").Groups[1].Value);
        var root = System.Text.RegularExpressions.Regex.Match(trailer, @"/Root (\d+ \d+) R").Groups[1].Value;
        var bytes = File.ReadAllBytes(pdf);
        var tail = Encoding.Latin1.GetString(bytes[^Math.Min(bytes.Length, 1024)..]);
        var prev = System.Text.RegularExpressions.Regex.Matches(tail, @"startxref\s+(\d+)").Last().Groups[1].Value;
        int info = size, objStm = size + 1, xrefStm = size + 2;
        var body = new MemoryStream();
        void Text(string t) => body.Write(Encoding.Latin1.GetBytes(t));
        Text("\n");
        var objStmOffset = bytes.Length + body.Length;
        var header = $"{info} 0 ";
        var data = header + infoDict;
        Text($"{objStm} 0 obj\n<< /Type /ObjStm /N 1 /First {header.Length} /Length {Encoding.Latin1.GetByteCount(data)} " +
            $">>\nstream\n{data}\nendstream\nendobj\n");
        var xrefStmOffset = bytes.Length + body.Length;
        byte[] row = [2, 0, 0, 0, (byte)objStm, 0, 0]; // W [1 4 2]: object `info` is entry 0 of the object stream
        Text($"{xrefStm} 0 obj\n<< /Type /XRef /W [1 4 2] /Index [{info} 1] /Size {size + 3} /Length {row.Length} >>\nstream\n");
        body.Write(row);
        Text("\nendstream\nendobj\n");
        var xref = bytes.Length + body.Length;
        Text($"xref\n{objStm} 2\n{objStmOffset:D10} 00000 n\r\n{xrefStmOffset:D10} 00000 n\r\n");
        Text($"trailer\n<< /Size {size + 3} /Root {root} R /Info {info} 0 R /Prev {prev} /XRefStm {xrefStmOffset} " +
            $">>\nstartxref\n{xref}\n%%EOF\n");
        using var file = new FileStream(pdf, FileMode.Append);
        body.WriteTo(file);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pdf_hybrid_reference_label_is_read_and_erased(bool inPlace)
    {
        using var f = new Fixtures();
        var input = f.Pdf();
        var pdf = f.Path("hybrid.pdf");
        File.Copy(input, pdf);
        AppendHybridInfoUpdate(pdf, "<< /Producer (hybrid writer) /AIGC " + Literal(Fixtures.Label(OldId).ToJson()) + " >>");
        FormatCases.QpdfCheck(pdf);
        Assert.Equal(Fixtures.Label(OldId).ToJson(), Fixtures.ExifToolAigc(pdf, "PDF:AIGC"));
        var found = Assert.Single(LabelFile.Verify(pdf).Labels);
        Assert.Equal(("pdf/Info/AIGC", OldId), (found.Placement, found.Label!.ProduceID));

        var output = Relabel(f, pdf, Fixtures.Label("newlabel9c1b"), inPlace);

        AssertPdfRelabelled(input, output, "newlabel9c1b");
        Assert.Equal("hybrid writer", Fixtures.ExifTool("-s3", "-PDF:Producer", output).Trim());
    }

    /// <summary>A PDF exported by LibreOffice Writer from a text file (its own profile folder, so parallel runs do not clash).</summary>
    private static string LibreOfficePdf(Fixtures f)
    {
        var txt = f.TextFile("txt", "第一行 hello AIGC\nsecond line\n", "writer");
        ExternalTool.RunChecked("soffice", "-env:UserInstallation=file://" + f.Path("lo-profile"), "--headless", "--convert-to", "pdf",
            "--outdir", f.Dir, txt);
        return f.Path("writer.pdf");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pdf_exported_by_LibreOffice_is_relabelled_without_a_trace(bool inPlace)
    {
        using var f = new Fixtures();
        var input = LibreOfficePdf(f);
        var labeled = f.Path("labeled.pdf");
        LabelFile.Write(input, labeled, Fixtures.Label(OldId));

        var output = Relabel(f, labeled, Fixtures.Label("newlabel9c1b"), inPlace);

        AssertPdfRelabelled(input, output, "newlabel9c1b");
        Assert.Contains("第一行", PageText(output));
        Assert.StartsWith("LibreOffice", Fixtures.ExifTool("-s3", "-PDF:Producer", output).Trim()); // other Info entries kept
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("tif")]
    public void Signing_a_file_that_arrives_with_another_tools_label_verifies_and_survives_propagation(string ext)
    {
        using var f = new Fixtures();
        var input = ext == "pdf" ? f.Pdf() : f.Image("tif", "plain", "-endian", "MSB");
        Fixtures.ExifTool("-q", "-overwrite_original", (ext == "pdf" ? "-PDF:AIGC=" : "-XMP-TC260:AIGC=") + Fixtures.Label(OldId).ToJson(),
            input);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var signedPath = f.Path("signed." + ext);

        var signed = Signing.SignFile(input, signedPath, Fixtures.Label("newlabel9c1b"), key);

        Assert.Equal(0, Occurrences(signedPath, OldId));
        Assert.True(Signing.Verify(Signing.ContentHash(signedPath), signed.ReservedCode1, key));
        Propagation.PropagateFile(signedPath, f.Path("propagated." + ext), Fixtures.Producer2, "p-1", false);
        // Only the propagated label remains: ProduceID kept, PropagateID now p-1 (each earlier label had the id twice).
        Assert.Equal(1, Occurrences(f.Path("propagated." + ext), "newlabel9c1b"));
        Assert.True(Signing.Verify(Signing.ContentHash(f.Path("propagated." + ext)), signed.ReservedCode1, key));
    }

    [Fact]
    public void Inflating_zlib_that_asks_for_a_preset_dictionary_returns_null_instead_of_throwing()
    {
        // Found by fuzzing relabel writes: a mutated object stream header 78 20 (FDICT set) made zlib throw
        // ZLibException, an IOException rather than InvalidDataException.
        byte[] fdict = [0x78, 0x20, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        Assert.Null(Labels.Formats.Io.BoundedRead.Inflate(fdict));
    }

    [Fact]
    public void Same_length_zlib_inflates_to_the_data_and_trailing_spaces()
    {
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1 0 << /Producer (x) >> ", 40)));
        foreach (var length in new[] { 60, 200, 70_000, 200_000 })
        {
            var z = Suanbei.Labels.Formats.Pdf.PdfOldLabels.SameLengthZlib(data, length);
            Assert.NotNull(z);
            Assert.Equal(length, z.Length);
            using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(z), System.IO.Compression.CompressionMode.Decompress);
            var output = new MemoryStream();
            inflate.CopyTo(output);
            var text = Encoding.ASCII.GetString(output.ToArray());
            Assert.StartsWith(Encoding.ASCII.GetString(data), text);
            Assert.Equal("", text[data.Length..].Trim(' '));
        }
        Assert.Null(Suanbei.Labels.Formats.Pdf.PdfOldLabels.SameLengthZlib(data, 10));
    }

    [Fact]
    public void Encrypted_pdf_is_refused_with_a_Chinese_error_and_nothing_written()
    {
        using var f = new Fixtures();
        var encrypted = f.Path("encrypted.pdf");
        ExternalTool.RunChecked("qpdf", "--encrypt", "user", "owner", "256", "--", f.Pdf(), encrypted);
        var before = File.ReadAllBytes(encrypted);
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(encrypted, f.Path("out.pdf"), Fixtures.Label("newlabel9c1b")));
        Assert.Contains("加密", e.Message);
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(encrypted, Fixtures.Label("newlabel9c1b")));
        Assert.False(File.Exists(f.Path("out.pdf")));
        Assert.Equal(before, File.ReadAllBytes(encrypted));
    }
}
