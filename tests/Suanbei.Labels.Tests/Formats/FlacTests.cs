using Suanbei.Labels.Formats.Flac;

namespace Suanbei.Labels.Tests.Formats;

public sealed class FlacTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly FlacFormat _flac = new();

    public FlacTests(AvFixtures fx) => _fx = fx;

    private string MakeFlac(string name, params string[] extra) => _fx.Make(name, [.. AvFixtures.Audio, "-c:a", "flac", .. extra]);

    /// <summary>Offset of the first audio frame: after the metadata block flagged last.</summary>
    private static long AudioOffset(string file)
    {
        var b = File.ReadAllBytes(file);
        long o = 4;
        while (true)
        {
            var last = (b[o] & 0x80) != 0;
            o += 4 + (b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
            if (last) return o;
        }
    }

    [Fact]
    public void Label_written_by_ffmpeg_is_read_and_replaced_keeping_other_comments()
    {
        var input = MakeFlac("ff.flac", "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(), "-metadata", "title=keep me");
        Assert.Equal("flac/VORBIS_COMMENT/AIGC", AvFixtures.Single(AvFixtures.Read(_flac, input), AvFixtures.OtherLabel).Placement);
        var output = AvFixtures.Write(_flac, input, _fx.PathFor("ff-out.flac"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_flac, output), AvFixtures.Label);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("keep me", tags["title"]);
        Assert.Contains(AvFixtures.Label.ToJson(), AvFixtures.ExifTool(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        Assert.Equal("", AvFixtures.DecodeErrors(output));
    }

    [Fact]
    public void In_place_uses_padding_keeps_audio_bytes_and_refuses_when_too_big()
    {
        var file = _fx.Copy(AvFixtures.Write(_flac, MakeFlac("ip.flac"), _fx.PathFor("ip-padded.flac"), AvFixtures.OtherLabel),
            "ip-work.flac");
        var audioAt = AudioOffset(file);
        var length = new FileInfo(file).Length;
        var audio = AvFixtures.HashRange(file, audioAt, length - audioAt);

        AvFixtures.WriteInPlace(_flac, file, AvFixtures.Label);
        Assert.Equal(length, new FileInfo(file).Length);
        Assert.Equal(audioAt, AudioOffset(file));
        Assert.Equal(audio, AvFixtures.HashRange(file, audioAt, length - audioAt));
        AvFixtures.Single(AvFixtures.Read(_flac, file), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(file));

        var before = File.ReadAllBytes(file);
        var big = AvFixtures.Label with { ReservedCode1 = new string('A', 20_000) };
        Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_flac, file, big));
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void Damaged_flac_is_inconclusive()
    {
        var bytes = File.ReadAllBytes(MakeFlac("dmg.flac", "-metadata", "AIGC=" + AvFixtures.Label.ToJson()));
        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _flac.Read(ms); }
        Assert.NotNull(ReadBytes(bytes[..60]).Damage);
        var random = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var m = (byte[])bytes.Clone();
            for (var k = 0; k < 4; k++) m[random.Next(Math.Min(m.Length, 600))] ^= (byte)(1 << random.Next(8));
            ReadBytes(m);
            ReadBytes(m[..random.Next(m.Length)]);
        }
    }
}
