using System.Buffers.Binary;
using System.Text;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>PNG and JPEG placements beyond XMP, damage that matters, and interop with plain exiftool.</summary>
public class ImageSpecificTests
{
    [Fact]
    public void Png_tEXt_written_by_exiftool_is_read_and_replaced_by_one_XMP_label()
    {
        using var f = new Fixtures();
        var png = f.Image("png");
        Fixtures.ExifTool("-q", "-overwrite_original", "-PNG:AIGC=" + Fixtures.Label("text").ToJson(), png);
        var r = LabelFile.Verify(png);
        Assert.Equal("png/tEXt/AIGC", Assert.Single(r.Labels).Placement);
        Assert.Equal(Verdict.Compliant, r.Verdict);

        LabelFile.Write(png, f.Path("out.png"), Fixtures.Label("xmp"));
        var after = LabelFile.Verify(f.Path("out.png"));
        Assert.Equal("png/iTXt/XMP", Assert.Single(after.Labels).Placement);
        Assert.Equal("", Fixtures.ExifToolAigc(f.Path("out.png"), "PNG:AIGC"));
    }

    [Fact]
    public void Png_zTXt_AIGC_is_read()
    {
        using var f = new Fixtures();
        var png = f.Image("png");
        var zlib = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(zlib, System.IO.Compression.CompressionLevel.Optimal, true))
            z.Write(Encoding.Latin1.GetBytes(Fixtures.Label("z").ToWrappedJson()));
        var data = Encoding.Latin1.GetBytes("AIGC").Concat(new byte[] { 0, 0 }).Concat(zlib.ToArray()).ToArray();
        InsertChunkAfterIhdr(png, "zTXt", data);
        var r = LabelFile.Verify(png);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal("png/zTXt/AIGC", r.Labels[0].Placement);
        Assert.Equal("z", r.Labels[0].Label!.ProduceID);
    }

    [Fact]
    public void Png_with_two_placements_is_noncompliant()
    {
        using var f = new Fixtures();
        var png = f.Image("png");
        LabelFile.Write(png, f.Path("x.png"), Fixtures.Label());
        Fixtures.ExifTool("-q", "-overwrite_original", "-PNG:AIGC=" + Fixtures.Label().ToJson(), f.Path("x.png"));
        var r = LabelFile.Verify(f.Path("x.png"));
        Assert.Equal(Verdict.Noncompliant, r.Verdict);
        Assert.Contains(r.Problems, p => p.Code == LabelProblem.MultipleLabels);
    }

    [Fact]
    public void Png_bad_crc_on_the_label_chunk_is_inconclusive()
    {
        using var f = new Fixtures();
        LabelFile.Write(f.Image("png"), f.Path("x.png"), Fixtures.Label());
        var bytes = File.ReadAllBytes(f.Path("x.png"));
        var at = IndexOf(bytes, "iTXt"u8.ToArray());
        bytes[at + 40] ^= 0x01; // inside the XMP text
        File.WriteAllBytes(f.Path("x.png"), bytes);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(f.Path("x.png")).Verdict);
    }

    [Fact]
    public void Png_huge_chunk_length_is_inconclusive()
    {
        using var f = new Fixtures();
        var bytes = File.ReadAllBytes(f.Image("png"));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 0x7FFFFFF0); // IHDR length
        File.WriteAllBytes(f.Path("x.png"), bytes);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(f.Path("x.png")).Verdict);
    }

    [Fact]
    public void Jpeg_Exif_UserComment_from_exiftool_is_read_and_replaced()
    {
        using var f = new Fixtures();
        var jpg = f.Image("jpg");
        Fixtures.ExifTool("-q", "-overwrite_original", "-EXIF:UserComment=" + Fixtures.Label("exif").ToWrappedJson(), jpg);
        var r = LabelFile.Verify(jpg);
        Assert.Equal(Verdict.Compliant, r.Verdict);
        Assert.Equal("jpeg/APP1/Exif/UserComment", Assert.Single(r.Labels).Placement);

        LabelFile.Write(jpg, f.Path("out.jpg"), Fixtures.Label("xmp"));
        var after = LabelFile.Verify(f.Path("out.jpg"));
        Assert.Equal("xmp", Assert.Single(after.Labels).Label!.ProduceID);
        Assert.Equal("jpeg/APP1/XMP", after.Labels[0].Placement);
        Assert.DoesNotContain("AIGC", Fixtures.ExifTool("-s3", "-UserComment", f.Path("out.jpg")));
        Assert.Equal(Fixtures.PixelHash(jpg), Fixtures.PixelHash(f.Path("out.jpg")));
    }

    [Fact]
    public void Jpeg_UserComment_prose_mentioning_AIGC_is_not_a_label()
    {
        using var f = new Fixtures();
        var jpg = f.Image("jpg");
        Fixtures.ExifTool("-q", "-overwrite_original", "-EXIF:UserComment=Made without AIGC tools", jpg);
        Assert.Equal(Verdict.NotFound, LabelFile.Verify(jpg).Verdict);
    }

    [Fact]
    public void Jpeg_keeps_other_XMP_properties()
    {
        using var f = new Fixtures();
        var jpg = f.Image("jpg");
        Fixtures.ExifTool("-q", "-overwrite_original", "-XMP-dc:Creator=某某工作室", jpg);
        LabelFile.Write(jpg, f.Path("out.jpg"), Fixtures.Label());
        Assert.Equal("某某工作室", Fixtures.ExifTool("-s3", "-XMP-dc:Creator", f.Path("out.jpg")).Trim());
        Assert.Equal(Verdict.Compliant, LabelFile.Verify(f.Path("out.jpg")).Verdict);
    }

    [Fact]
    public void Jpeg_segment_length_beyond_the_end_is_inconclusive()
    {
        using var f = new Fixtures();
        var bytes = File.ReadAllBytes(f.Image("jpg"));
        bytes[4] = 0xFF; bytes[5] = 0xF0; // first segment's length
        File.WriteAllBytes(f.Path("x.jpg"), bytes[..200]);
        Assert.Equal(Verdict.Inconclusive, LabelFile.Verify(f.Path("x.jpg")).Verdict);
    }

    internal static void InsertChunkAfterIhdr(string png, string type, byte[] data)
    {
        var bytes = File.ReadAllBytes(png).ToList();
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        bytes.InsertRange(8 + 25, chunk);
        File.WriteAllBytes(png, bytes.ToArray());
    }

    internal static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    [Fact]
    public void A_GIF_with_a_million_frames_is_walked_without_growing_the_stack()
    {
        // Header (no global colour table), then 1,000,000 minimal image descriptors, then the trailer. A per-frame
        // stackalloc in the block walker would overflow the thread's stack long before the end.
        using var f = new Fixtures();
        var path = f.Path("many.gif");
        using (var s = File.Create(path))
        {
            s.Write("GIF89a"u8);
            s.Write([1, 0, 1, 0, 0, 0, 0]);
            byte[] frame = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 0];
            for (var i = 0; i < 1_000_000; i++) s.Write(frame);
            s.WriteByte(0x3B);
        }
        var r = LabelFile.Verify(path);
        Assert.Equal(Verdict.NotFound, r.Verdict);
        Assert.Empty(r.Labels);
    }
}
