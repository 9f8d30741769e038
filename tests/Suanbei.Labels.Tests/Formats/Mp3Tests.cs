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
        var input = MakeMp3($"ff{version}.mp3", "-id3v2_version", version, "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(), "-metadata", "title=keep me");
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
        byte[] frame = [.. "TXXX"u8, (byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, 0, 0, .. data];
        byte[] ext = [0, 0, 0, 6, 0, 0, 0, 0, 0, 0];
        var body = new List<byte>();
        foreach (var b in ext.Concat(frame).Concat(new byte[20]))
        {
            body.Add(b);
            if (b == 0xFF) body.Add(0);
        }
        var size = body.Count;
        byte[] header = [.. "ID3"u8, 3, 0, 0xC0, (byte)(size >> 21 & 0x7F), (byte)(size >> 14 & 0x7F), (byte)(size >> 7 & 0x7F), (byte)(size & 0x7F)];
        var file = _fx.PathFor("unsync.mp3");
        File.WriteAllBytes(file, [.. header, .. body, .. File.ReadAllBytes(MakeMp3("unsync-src.mp3", "-id3v2_version", "0"))]);
        var found = Assert.Single(AvFixtures.Read(_mp3, file).Labels);
        Assert.Equal(value, found.RawValue);

        var output = AvFixtures.Write(_mp3, file, _fx.PathFor("unsync-out.mp3"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp3, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
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
