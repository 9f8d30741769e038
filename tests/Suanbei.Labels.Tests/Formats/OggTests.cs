using System.Buffers.Binary;
using Suanbei.Labels.Formats.Ogg;

namespace Suanbei.Labels.Tests.Formats;

public sealed class OggTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly OggFormat _ogg = new();

    public OggTests(AvFixtures fx) => _fx = fx;

    public static TheoryData<string, string> Codecs => new() { { "v.ogg", "libvorbis" }, { "o.opus", "libopus" } };

    private string MakeOgg(string name, string codec, params string[] extra) =>
        _fx.Make(name, [.. AvFixtures.Audio, "-c:a", codec, .. extra]);

    /// <summary>Independent check: per logical stream, page sequence numbers run 0,1,2,… without gaps.</summary>
    private static void AssertSequencesContiguous(string file)
    {
        var b = File.ReadAllBytes(file);
        var next = new Dictionary<uint, uint>();
        var o = 0;
        while (o < b.Length)
        {
            Assert.Equal("OggS", System.Text.Encoding.ASCII.GetString(b, o, 4));
            var serial = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o + 14));
            var seq = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(o + 18));
            Assert.Equal(next.GetValueOrDefault(serial), seq);
            next[serial] = seq + 1;
            var segments = b[o + 26];
            o += 27 + segments + b.AsSpan(o + 27, segments).ToArray().Sum(x => x);
        }
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Label_written_by_ffmpeg_is_read_and_replaced(string name, string codec)
    {
        var input = MakeOgg(name, codec, "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(), "-metadata", "title=keep me");
        var placement = AvFixtures.Single(AvFixtures.Read(_ogg, input), AvFixtures.OtherLabel).Placement;
        Assert.Equal(codec == "libopus" ? "ogg/OpusTags/AIGC" : "ogg/VorbisComment/AIGC", placement);

        var output = AvFixtures.Write(_ogg, input, _fx.PathFor("out-" + name), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_ogg, output), AvFixtures.Label);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("keep me", tags["title"]);
        Assert.Contains(AvFixtures.Label.ToJson(), AvFixtures.ExifTool(output));
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        AssertSequencesContiguous(output);
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void A_label_that_needs_more_header_pages_renumbers_the_following_pages(string name, string codec)
    {
        var input = MakeOgg("big-" + name, codec);
        var big = AvFixtures.Label with { ReservedCode1 = new string('S', 60_000) }; // comment packet > one page with the rest
        var output = AvFixtures.Write(_ogg, input, _fx.PathFor("big-out-" + name), big);
        AvFixtures.Single(AvFixtures.Read(_ogg, output), big);
        Assert.Equal(big.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output)); // ffmpeg checks page CRCs
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        AssertSequencesContiguous(output);

        // and back to a small label: fewer pages, renumbered down
        var again = AvFixtures.Write(_ogg, output, _fx.PathFor("small-again-" + name), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_ogg, again), AvFixtures.Label);
        Assert.Equal("", AvFixtures.DecodeErrors(again));
        AssertSequencesContiguous(again);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(again));
    }

    [Fact]
    public void In_place_is_refused_and_damage_is_inconclusive()
    {
        var input = MakeOgg("dmg.ogg", "libvorbis", "-metadata", "AIGC=" + AvFixtures.Label.ToJson());
        Assert.False(_ogg.SupportsInPlace);
        Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_ogg, _fx.Copy(input, "dmg-work.ogg"), AvFixtures.Label));
        var bytes = File.ReadAllBytes(input);
        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _ogg.Read(ms); }
        Assert.NotNull(ReadBytes(bytes[..100]).Damage);
        var flipped = (byte[])bytes.Clone();
        flipped[80] ^= 0x10; // inside the first page: CRC no longer matches
        Assert.NotNull(ReadBytes(flipped).Damage);
        var random = new Random(17);
        for (var i = 0; i < 300; i++)
        {
            var m = (byte[])bytes.Clone();
            for (var k = 0; k < 4; k++) m[random.Next(Math.Min(m.Length, 5000))] ^= (byte)(1 << random.Next(8));
            ReadBytes(m);
            ReadBytes(m[..random.Next(m.Length)]);
        }
    }
}
