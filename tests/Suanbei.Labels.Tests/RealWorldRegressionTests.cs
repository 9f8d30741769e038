using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Png;
using Suanbei.Labels.Formats.Text;
using Suanbei.Labels.Tests.Formats;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Defects found on files other tools wrote (<c>Fixtures/corpus</c>, see its README) and on mutants of them:
/// writes that crashed, or reported success for a label nobody can read.</summary>
public class RealWorldRegressionTests
{
    private static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus", name);

    /// <summary>The label a write must leave, exactly once, or the write must be refused with a reason.</summary>
    private static void AssertLabelled(string file, AigcLabel label)
    {
        var r = LabelFile.Verify(file);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal(label, Assert.Single(r.Labels).Label);
    }

    private static void AssertRefusedForAReason(Action write)
    {
        try { write(); }
        catch (LabelWriteException e) { Assert.DoesNotContain(LabelFile.InternalErrorPrefix, e.Message); }
    }

    public static IEnumerable<object[]> Mp4WithoutUdta() => [["sample.3gp"], ["CanonRaw.cr3"], ["ffmpeg -f 3gp"], ["udta renamed to free"]];

    private static string Mp4Input(string name, AvFixtures av)
    {
        switch (name)
        {
            case "ffmpeg -f 3gp":
                // ffmpeg's 3GP muxer writes no udta (its MP4 muxer does).
                return av.Make("made.3gp", [.. AvFixtures.Video, "-c:v", "mpeg4", "-f", "3gp"]);
            case "udta renamed to free":
                {
                    var mp4 = av.Make("made.mp4", [.. AvFixtures.Video, "-c:v", "mpeg4"]);
                    var bytes = File.ReadAllBytes(mp4);
                    var at = bytes.AsSpan().IndexOf("udta"u8);
                    Assert.True(at > 0, "ffmpeg's MP4 has a udta box");
                    "free"u8.CopyTo(bytes.AsSpan(at));
                    File.WriteAllBytes(mp4, bytes);
                    return mp4;
                }
            default:
                return av.Copy(Corpus(name), name);
        }
    }

    [Theory]
    [MemberData(nameof(Mp4WithoutUdta))]
    public void Mp4_family_files_without_udta_get_a_label_in_copy_mode_propagation_and_in_place(string name)
    {
        using var av = new AvFixtures();
        var input = Mp4Input(name, av);
        Assert.Equal(Verdict.NotFound, LabelFile.Verify(input).Verdict);
        var ext = Path.GetExtension(input);

        var output = av.PathFor("out" + ext);
        LabelFile.Write(input, output, AvFixtures.Label);
        AssertLabelled(output, AvFixtures.Label);
        Assert.Contains("AIGC", AvFixtures.ProbeTags(output).Keys);

        var propagated = av.PathFor("propagated" + ext);
        var decision = Propagation.PropagateFile(input, propagated, Fixtures.Producer2, "prop-1", userDeclared: true);
        AssertLabelled(propagated, decision.Label!);

        var inPlace = av.Copy(input, "in-place" + ext);
        try
        {
            LabelFile.WriteInPlace(inPlace, AvFixtures.Label);
            AssertLabelled(inPlace, AvFixtures.Label);
        }
        catch (LabelWriteException e)
        {
            // Refused (moov not last, no free space after it) — for a reason, with the file untouched.
            Assert.DoesNotContain(LabelFile.InternalErrorPrefix, e.Message);
            Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(inPlace));
        }
    }

    [Fact]
    public void Heif_writer_refuses_or_labels_an_AVIF_with_any_one_byte_of_its_metadata_changed()
    {
        var original = File.ReadAllBytes(Corpus("examples_example.avif"));
        var format = LabelFile.Detect(new MemoryStream(original), ".avif")!;
        // ftyp and meta: every header, version, count, size and id of the boxes the writer parses.
        var metaEnd = 24 + (int)BinaryPrimitives.ReadUInt32BigEndian(original.AsSpan(24));
        var outcomes = new Dictionary<string, int>();
        for (var at = 0; at < metaEnd; at++)
        {
            foreach (var value in new[] { (byte)(original[at] ^ 0x01), (byte)(original[at] ^ 0x80), (byte)0x00, (byte)0xFF })
            {
                var data = (byte[])original.Clone();
                data[at] = value;
                var output = new MemoryStream();
                string outcome;
                try
                {
                    LabelFile.WriteChecked(format, new MemoryStream(data, writable: false), output, Fixtures.Label(), ".avif");
                    outcome = "written";
                }
                catch (LabelWriteException e)
                {
                    Assert.False(e.Message.Contains(LabelFile.InternalErrorPrefix), $"byte {at} = 0x{value:X2}: {e.Message}");
                    outcome = "refused";
                }
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }
        Assert.True(outcomes.GetValueOrDefault("written") > 0 && outcomes.GetValueOrDefault("refused") > 0, string.Join(", ", outcomes));
    }

    [Fact]
    public void Avif_whose_last_box_has_size_zero_gets_a_label_verify_and_vips_read()
    {
        using var f = new Fixtures();
        var bytes = File.ReadAllBytes(Corpus("examples_example.avif"));
        var mdat = bytes.AsSpan().IndexOf("mdat"u8) - 4;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(mdat), 0); // "to the end of the file"
        var input = f.Path("open-mdat.avif");
        File.WriteAllBytes(input, bytes);
        var output = f.Path("labelled.avif");
        LabelFile.Write(input, output, Fixtures.Label());
        AssertLabelled(output, Fixtures.Label());
        ExternalTool.RunChecked("vips", "avg", output);
        // The open mdat got its size: the appended XMP mdat is a box of its own, not the tail of the image data.
        var written = File.ReadAllBytes(output);
        var types = new List<string>();
        for (long at = 0; at < written.Length;)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(written.AsSpan((int)at));
            Assert.NotEqual(0u, size);
            types.Add(Encoding.ASCII.GetString(written, (int)at + 4, 4));
            at += size;
        }
        Assert.Equal(["ftyp", "meta", "mdat", "mdat"], types);
    }

    [Fact]
    public void A_size_zero_box_inside_meta_is_damage_not_a_place_to_write()
    {
        using var f = new Fixtures();
        var bytes = File.ReadAllBytes(Corpus("examples_example.avif"));
        var iinf = bytes.AsSpan().IndexOf("iinf"u8) - 4;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(iinf), 0); // would swallow iprp
        var input = f.Path("zero-iinf.avif");
        File.WriteAllBytes(input, bytes);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(input).Verdict);
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(input, f.Path("out.avif"), Fixtures.Label()));
        Assert.Contains("大小为 0", e.Message);
        Assert.False(File.Exists(f.Path("out.avif")));
    }

    [Fact]
    public void An_iinf_whose_entry_count_leaves_out_an_infe_is_damage_not_a_place_to_write()
    {
        // Found by the robustness sweep: the writer appended the XMP infe after the uncounted one and counted one
        // more, so the reader, trusting the count, never reached it.
        using var f = new Fixtures();
        var bytes = File.ReadAllBytes(Corpus("examples_example.avif"));
        var iinf = bytes.AsSpan().IndexOf("iinf"u8) - 4;
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(iinf + 12)));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(iinf + 12), 0);
        var input = f.Path("uncounted.avif");
        File.WriteAllBytes(input, bytes);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(input).Verdict);
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(input, f.Path("out.avif"), Fixtures.Label()));
        Assert.Contains("条目数", e.Message);
        Assert.DoesNotContain("回读", e.Message); // refused by the writer itself, not caught afterwards
    }

    [Theory]
    [InlineData("IHDR renamed")] // one flipped bit: the writer found no IHDR to insert after and copied the file unchanged
    [InlineData("IHDR second")]  // the XMP would land after a chunk no PNG may have first
    public void Png_whose_first_chunk_is_not_IHDR_is_refused_not_copied_unchanged(string variant)
    {
        using var f = new Fixtures();
        var png = File.ReadAllBytes(f.Image("png"));
        var ihdrEnd = 8 + 12 + 13;
        byte[] changed;
        if (variant == "IHDR renamed")
        {
            changed = (byte[])png.Clone();
            changed[12] ^= 0x20; // "IHDR" → "iHDR" (CRC left as it was: the writer does not check CRCs)
        }
        else
        {
            // Move the first chunk after IHDR (gAMA, cHRM, … as ImageMagick writes them) in front of IHDR.
            var secondLength = 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(ihdrEnd));
            changed = [.. png[..8], .. png.AsSpan(ihdrEnd, secondLength), .. png[8..ihdrEnd], .. png[(ihdrEnd + secondLength)..]];
        }
        var input = f.Path("not-ihdr-first.png");
        File.WriteAllBytes(input, changed);

        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(input, f.Path("out.png"), Fixtures.Label()));
        Assert.Contains("IHDR", e.Message);
        Assert.False(File.Exists(f.Path("out.png")));
        Assert.Empty(Directory.GetFiles(f.Dir, "*.partial", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    /// <summary>A writer that reports success without writing: the PNG writer, except it copies the input unchanged.</summary>
    private sealed class SilentPng : IContainerFormat
    {
        private readonly PngFormat _png = new();
        public string Name => "png";
        public IReadOnlyList<string> Extensions => _png.Extensions;
        public bool SupportsInPlace => false;
        public bool Matches(ReadOnlySpan<byte> head, string extension) => _png.Matches(head, extension);
        public ContainerReadResult Read(Stream input) => _png.Read(input);
        public void Write(Stream input, Stream output, AigcLabel label) => input.CopyTo(output);
        public void WriteInPlace(FileStream file, AigcLabel label) => throw new NotSupportedException();
    }

    /// <summary>An in-place writer that damages the file: the text writer, then garbage over the first bytes.</summary>
    private sealed class DamagingText : IContainerFormat
    {
        private readonly TextFormat _text = new();
        public string Name => "text";
        public IReadOnlyList<string> Extensions => _text.Extensions;
        public bool SupportsInPlace => true;
        public bool Matches(ReadOnlySpan<byte> head, string extension) => _text.Matches(head, extension);
        public ContainerReadResult Read(Stream input) => _text.Read(input);
        public void Write(Stream input, Stream output, AigcLabel label) => _text.Write(input, output, label);
        public void WriteInPlace(FileStream file, AigcLabel label)
        {
            _text.WriteInPlace(file, label);
            file.Seek(0, SeekOrigin.End);
            file.Write(Encoding.UTF8.GetBytes("\nAIGC: {\"Label\":\"1\"}\n")); // a second, broken label line
            file.SetLength(file.Length - 2);
        }
    }

    [Fact]
    public void A_write_that_leaves_no_readable_label_fails_and_leaves_no_output()
    {
        using var f = new Fixtures();
        var input = f.Image("png");
        var output = new MemoryStream();
        var e = Assert.Throws<LabelWriteException>(() =>
            LabelFile.WriteChecked(new SilentPng(), File.OpenRead(input), output, Fixtures.Label(), ".png"));
        Assert.Contains("回读", e.Message);
        Assert.Contains("找不到标识", e.Message);
    }

    [Fact]
    public void An_in_place_write_that_cannot_be_read_back_is_undone_byte_for_byte()
    {
        using var f = new Fixtures();
        var file = f.Path("note.txt");
        var original = Encoding.UTF8.GetBytes("第一行\n第二行\nAIGC: {\"Label\":\"1\",\"ContentProducer\":\"x\"}\n");
        File.WriteAllBytes(file, original);
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(file, Fixtures.Label(), new DamagingText()));
        Assert.Contains("已恢复原文件", e.Message);
        Assert.Equal(original, File.ReadAllBytes(file));
    }

    [Fact]
    public void A_writer_bug_on_a_malformed_input_is_reported_as_an_internal_error_not_a_crash()
    {
        using var f = new Fixtures();
        var e = Assert.Throws<LabelWriteException>(() =>
            LabelFile.WriteChecked(new ThrowingPng(), new MemoryStream(), new MemoryStream(), Fixtures.Label(), ".png"));
        Assert.StartsWith(LabelFile.InternalErrorPrefix, e.Message);
        Assert.Contains("IndexOutOfRangeException", e.Message);
    }

    private sealed class ThrowingPng : IContainerFormat
    {
        public string Name => "png";
        public IReadOnlyList<string> Extensions => [".png"];
        public bool SupportsInPlace => false;
        public bool Matches(ReadOnlySpan<byte> head, string extension) => true;
        public ContainerReadResult Read(Stream input) => new([]);
        public void Write(Stream input, Stream output, AigcLabel label) => throw new IndexOutOfRangeException();
        public void WriteInPlace(FileStream file, AigcLabel label) => throw new IndexOutOfRangeException();
    }
}
