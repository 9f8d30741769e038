using System.Text;
using Suanbei.Labels.Formats.Mp3;

namespace Suanbei.Labels.Tests.Formats;

public sealed class Mp3Tests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly Mp3Format _mp3 = new();

    public Mp3Tests(AvFixtures fx) => _fx = fx;

    private string MakeMp3(string name, params string[] extra) => _fx.Make(name, [.. AvFixtures.Audio, "-c:a", "libmp3lame", .. extra]);

    private static long TagSize(string file)
    {
        var b = File.ReadAllBytes(file);
        if (b[0] != 'I' || b[1] != 'D' || b[2] != '3') return 0;
        return 10 + (b[6] << 21 | b[7] << 14 | b[8] << 7 | b[9]);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("3")]
    public void Labels_written_by_ffmpeg_in_v23_and_v24_are_read_and_replaced(string version)
    {
        var input = MakeMp3($"ff{version}.mp3", "-id3v2_version", version, "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(),
            "-metadata", "title=keep me");
        Assert.Equal(version, File.ReadAllBytes(input)[3].ToString());
        Assert.Equal("mp3/ID3v2/TXXX/AIGC", AvFixtures.Single(AvFixtures.Read(_mp3, input), AvFixtures.OtherLabel).Placement);

        var output = AvFixtures.Write(_mp3, input, _fx.PathFor($"ff{version}-out.mp3"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp3, output), AvFixtures.Label);
        Assert.Equal(version, File.ReadAllBytes(output)[3].ToString()); // version kept
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("keep me", tags["title"]);
        Assert.Contains("(AIGC) " + AvFixtures.Label.ToJson(), AvFixtures.ExifTool(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
    }

    [Fact]
    public void Untagged_mp3_gets_a_v24_tag_and_then_in_place_writes_use_its_padding()
    {
        var input = MakeMp3("bare.mp3", "-id3v2_version", "0");
        Assert.Equal(0, TagSize(input));
        Assert.Empty(AvFixtures.Read(_mp3, input).Labels);
        Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_mp3, _fx.Copy(input, "bare-work.mp3"), AvFixtures.Label));

        var output = AvFixtures.Write(_mp3, input, _fx.PathFor("bare-out.mp3"), AvFixtures.Label);
        Assert.Equal(4, File.ReadAllBytes(output)[3]);
        AvFixtures.Single(AvFixtures.Read(_mp3, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));

        var tagSize = TagSize(output);
        var length = new FileInfo(output).Length;
        var audio = AvFixtures.HashRange(output, tagSize, length - tagSize);
        AvFixtures.WriteInPlace(_mp3, output, AvFixtures.OtherLabel);
        Assert.Equal(length, new FileInfo(output).Length);
        Assert.Equal(audio, AvFixtures.HashRange(output, tagSize, length - tagSize));
        AvFixtures.Single(AvFixtures.Read(_mp3, output), AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.OtherLabel.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
    }

    [Fact]
    public void In_place_without_enough_padding_is_refused_untouched()
    {
        var input = _fx.Copy(MakeMp3("tight.mp3", "-metadata", "title=x"), "tight-work.mp3");
        var before = File.ReadAllBytes(input);
        if (TagSize(input) - 10 < 1000) // ffmpeg writes no padding: a 300-byte label cannot fit
        {
            Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_mp3, input, AvFixtures.Label));
            Assert.Equal(before, File.ReadAllBytes(input));
        }
        else Assert.Fail("expected ffmpeg to write a tag without much padding");
    }

    [Fact]
    public void Unsynchronised_v23_tag_with_extended_header_and_utf16_is_read()
    {
        // v2.3, flags: unsynchronisation + extended header. The TXXX value holds 0xFF bytes (UTF-16 "ÿ") so
        // unsynchronisation really inserts 0x00 after them.
        var value = "ÿ" + AvFixtures.Label.ToJson();
        byte[] data = [1, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes("AIGC"), 0, 0, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes(value)];
        byte[] frame = [.. "TXXX"u8, (byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, 0,
            0, .. data];
        byte[] ext = [0, 0, 0, 6, 0, 0, 0, 0, 0, 0];
        var body = new List<byte>();
        foreach (var b in ext.Concat(frame).Concat(new byte[20]))
        {
            body.Add(b);
            if (b == 0xFF) body.Add(0);
        }
        var size = body.Count;
        byte[] header = [.. "ID3"u8, 3, 0, 0xC0, (byte)(size >> 21 & 0x7F), (byte)(size >> 14 & 0x7F), (byte)(size >> 7 & 0x7F),
            (byte)(size & 0x7F)];
        var file = _fx.PathFor("unsync.mp3");
        File.WriteAllBytes(file, [.. header, .. body, .. File.ReadAllBytes(MakeMp3("unsync-src.mp3", "-id3v2_version", "0"))]);
        var found = Assert.Single(AvFixtures.Read(_mp3, file).Labels);
        Assert.Equal(value, found.RawValue);

        var output = AvFixtures.Write(_mp3, file, _fx.PathFor("unsync-out.mp3"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp3, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
    }

    /// <summary>An ID3v2.2 tag as old iTunes wrote them (3-character ids, 6-byte frame headers), built by hand.</summary>
    public static byte[] V22Tag(IEnumerable<(string Id, byte[] Data)> frames, int padding)
    {
        var body = new List<byte>();
        foreach (var (id, data) in frames)
            body.AddRange([.. Encoding.ASCII.GetBytes(id), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length,
                .. data]);
        body.AddRange(new byte[padding]);
        var size = body.Count;
        return [.. "ID3"u8, 2, 0, 0, (byte)(size >> 21 & 0x7F), (byte)(size >> 14 & 0x7F), (byte)(size >> 7 & 0x7F), (byte)(size & 0x7F),
            .. body];
    }

    private byte[] Cover() => File.ReadAllBytes(_fx.Make("cover.png", "-f", "lavfi", "-i", "color=c=red:s=8x8", "-frames:v", "1"));

    private List<(string Id, byte[] Data)> V22Frames(byte[] cover) =>
    [
        ("TT2", [0, .. Encoding.Latin1.GetBytes("v22 title")]),
        ("TP1", [1, 0xFF, 0xFE, .. Encoding.Unicode.GetBytes("艺术家")]),
        ("COM", [0, .. "eng"u8, .. "desc"u8, 0, .. "a comment"u8]),
        ("TCP", [0, (byte)'1']),
        ("PIC", [0, .. "PNG"u8, 3, .. "cover"u8, 0, .. cover]),
        ("LNK", [.. "TT2"u8, .. "http://example.org/t"u8, 0]),
        ("TXX", [0, .. "AIGC"u8, 0, .. Encoding.Latin1.GetBytes(AvFixtures.OtherLabel.ToJson())]),
    ];

    private string MakeV22(string name, List<(string Id, byte[] Data)> frames, int padding)
    {
        var audio = File.ReadAllBytes(MakeMp3(name + "-src.mp3", "-id3v2_version", "0"));
        var path = _fx.PathFor(name + ".mp3");
        File.WriteAllBytes(path, [.. V22Tag(frames, padding), .. audio]);
        return path;
    }

    /// <summary>The v2.3 frames a v2.2 tag must become: same payloads, ids mapped; PIC and LNK re-laid-out.</summary>
    private static Dictionary<string, byte[]> ExpectedV23(List<(string Id, byte[] Data)> v22, byte[] cover) => new()
    {
        ["TIT2"] = v22.Single(f => f.Id == "TT2").Data,
        ["TPE1"] = v22.Single(f => f.Id == "TP1").Data,
        ["COMM"] = v22.Single(f => f.Id == "COM").Data,
        ["TCMP"] = v22.Single(f => f.Id == "TCP").Data,
        ["APIC"] = [0, .. "image/png"u8, 0, 3, .. "cover"u8, 0, .. cover],
        ["LINK"] = [.. "TIT2"u8, .. "http://example.org/t"u8, 0],
    };

    [Fact]
    public void V22_tag_is_read_and_written_as_v23_with_every_frame_kept()
    {
        var cover = Cover();
        var frames = V22Frames(cover);
        var input = MakeV22("v22", frames, padding: 0);
        var tagSize = TagSize(input);
        Assert.Equal(2, File.ReadAllBytes(input)[3]);
        Assert.Equal("mp3/ID3v2/TXXX/AIGC", AvFixtures.Single(AvFixtures.Read(_mp3, input), AvFixtures.OtherLabel).Placement);
        Assert.Equal("v22 title", AvFixtures.ProbeTags(input)["title"]); // ffmpeg reads the hand-made v2.2 tag

        var output = AvFixtures.Write(_mp3, input, _fx.PathFor("v22-out.mp3"), AvFixtures.Label);
        Assert.Equal(3, File.ReadAllBytes(output)[3]);
        AvFixtures.Single(AvFixtures.Read(_mp3, output), AvFixtures.Label);
        using (var s = File.OpenRead(output))
        {
            var tag = Id3Tag.Parse(s, 0, out var error);
            Assert.Null(error);
            var written = tag!.Frames.Where(f => f.Id != "TXXX").ToDictionary(f => f.Id, f => f.Data);
            Assert.Equal(ExpectedV23(frames, cover), written);
            Assert.All(tag.Frames, f => Assert.Equal((0, 0), (f.Flags1, f.Flags2)));
        }
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("v22 title", tags["title"]);
        Assert.Equal("艺术家", tags["artist"]);
        Assert.Contains("a comment", tags.Values); // ffmpeg names COMM by its description
        var exif = AvFixtures.ExifTool(output);
        Assert.Contains("(AIGC) " + AvFixtures.Label.ToJson(), exif);
        Assert.Matches(@"\[ID3v2_3\]\s+PictureMIMEType\s+: image/png", exif);
        Assert.Matches(@"\[ID3v2_3\]\s+PictureDescription\s+: cover", exif);
        Assert.Matches(@"\[ID3v2_3\]\s+Title\s+: v22 title", exif);
        // The cover is still an attached picture that decodes to the same pixels; the audio bytes did not change.
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        var audio = new FileInfo(input).Length - tagSize;
        Assert.Equal(AvFixtures.HashRange(input, tagSize, audio), AvFixtures.HashRange(output, TagSize(output), audio));
        Assert.Equal(new FileInfo(output).Length, TagSize(output) + audio);
    }

    [Fact]
    public void V22_in_place_upgrade_uses_the_padding_or_is_refused_untouched()
    {
        var cover = Cover();
        var frames = V22Frames(cover);
        var roomy = _fx.Copy(MakeV22("v22-roomy", frames, padding: 4096), "v22-roomy-work.mp3");
        var length = new FileInfo(roomy).Length;
        var tagSize = TagSize(roomy);
        var audio = AvFixtures.HashRange(roomy, tagSize, length - tagSize);
        var decoded = AvFixtures.FrameHashes(roomy);
        AvFixtures.WriteInPlace(_mp3, roomy, AvFixtures.Label);
        Assert.Equal(length, new FileInfo(roomy).Length);
        Assert.Equal(tagSize, TagSize(roomy));
        Assert.Equal(3, File.ReadAllBytes(roomy)[3]);
        Assert.Equal(audio, AvFixtures.HashRange(roomy, tagSize, length - tagSize));
        AvFixtures.Single(AvFixtures.Read(_mp3, roomy), AvFixtures.Label);
        Assert.Equal("v22 title", AvFixtures.ProbeTags(roomy)["title"]);
        Assert.Equal(decoded, AvFixtures.FrameHashes(roomy));

        var tight = _fx.Copy(MakeV22("v22-tight", frames, padding: 0), "v22-tight-work.mp3");
        var before = File.ReadAllBytes(tight);
        var e = Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_mp3, tight, AvFixtures.Label));
        Assert.Contains("填充", e.Message);
        Assert.Equal(before, File.ReadAllBytes(tight));
    }

    [Theory]
    [InlineData("CRM")] // encrypted meta frame: no ID3v2.3 counterpart
    [InlineData("XYZ")] // experimental frame
    public void V22_frame_without_a_v23_counterpart_refuses_the_write_and_names_it(string id)
    {
        var frames = V22Frames(Cover());
        frames.Insert(1, (id, [.. "owner@example.org"u8, 0, 1, 2, 3]));
        var input = MakeV22("v22-" + id, frames, padding: 4096);
        var before = File.ReadAllBytes(input);
        AvFixtures.Single(AvFixtures.Read(_mp3, input), AvFixtures.OtherLabel); // still readable
        var target = _fx.PathFor("v22-" + id + "-out.mp3");
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(input, target, AvFixtures.Label));
        Assert.Contains(id, e.Message);
        Assert.Contains("ID3v2.3", e.Message);
        Assert.False(File.Exists(target));
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(input, AvFixtures.Label));
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void Damaged_tags_are_inconclusive()
    {
        var bytes = File.ReadAllBytes(MakeMp3("dmg.mp3", "-metadata", "AIGC=" + AvFixtures.Label.ToJson()));
        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _mp3.Read(ms); }
        Assert.NotNull(ReadBytes(bytes[..40]).Damage);
        var huge = (byte[])bytes.Clone();
        huge[6] = 0x7F; huge[7] = 0x7F; huge[8] = 0x7F; huge[9] = 0x7F;
        Assert.NotNull(ReadBytes(huge).Damage);
        var badFrame = (byte[])bytes.Clone();
        badFrame[14] = 0x7F; // first frame's size
        Assert.NotNull(ReadBytes(badFrame).Damage);
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var m = (byte[])bytes.Clone();
            for (var k = 0; k < 4; k++) m[random.Next(Math.Min(m.Length, 400))] ^= (byte)(1 << random.Next(8));
            ReadBytes(m);
            ReadBytes(m[..random.Next(m.Length)]);
        }
    }
}
