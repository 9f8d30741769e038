using Suanbei.Labels.Formats.Mkv;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests.Formats;

public sealed class MkvTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly MkvFormat _mkv = new();

    public MkvTests(AvFixtures fx) => _fx = fx;

    private string MakeMkv(string name, params string[] extra) =>
        _fx.Make(name, [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "libx264", "-c:a", "aac", "-shortest", .. extra]);

    /// <summary>Decoding from a seek point uses the Cues: errors there mean cluster positions were broken.</summary>
    private static string SeekErrors(string file)
    {
        var r = ExternalTool.Run("ffmpeg", ["-v", "error", "-ss", "0.6", "-i", file, "-f", "null", "-"]);
        return r.ExitCode == 0 ? r.StdErr.Trim() : $"exit {r.ExitCode}: {r.StdErr}";
    }

    /// <summary>mkvinfo (MKVToolNix) parses the whole file: exit 0 means no errors or warnings.</summary>
    private static void AssertMkvinfoAccepts(string file, AigcLabel label)
    {
        var r = ExternalTool.Run("mkvinfo", ["--ui-language", "en_US", file]);
        Assert.True(r.ExitCode == 0, $"mkvinfo exit {r.ExitCode}: {r.StdOut[^Math.Min(400, r.StdOut.Length)..]} {r.StdErr}");
        Assert.Contains("Name: AIGC", r.StdOut);
        Assert.Contains("String: " + label.ToJson(), r.StdOut);
    }

    [Fact]
    public void Label_written_by_ffmpeg_is_read_and_replaced_and_the_file_still_plays()
    {
        var input = MakeMkv("ff.mkv", "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(), "-metadata", "title=keep me");
        Assert.Equal("mkv/Tags/SimpleTag/AIGC", AvFixtures.Single(AvFixtures.Read(_mkv, input), AvFixtures.OtherLabel).Placement);

        var output = AvFixtures.Write(_mkv, input, _fx.PathFor("ff-out.mkv"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mkv, output), AvFixtures.Label);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("keep me", tags["title"]);
        Assert.Contains(AvFixtures.Label.ToJson(), AvFixtures.ExifTool(output));
        AssertMkvinfoAccepts(output, AvFixtures.Label);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal("", SeekErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
    }

    [Fact]
    public void Unlabeled_mkv_and_webm_get_a_label_ffprobe_reads_with_cues_still_valid()
    {
        foreach (var (name, codecs) in new[] { ("plain.mkv", new[] { "-c:v", "libx264", "-c:a", "aac" }),
            ("plain.webm", new[] { "-c:v", "libvpx", "-c:a", "libopus", "-deadline", "realtime" }) })
        {
            var input = _fx.Make(name, [.. AvFixtures.Video, .. AvFixtures.Audio, .. codecs, "-shortest"]);
            Assert.Empty(AvFixtures.Read(_mkv, input).Labels);
            var output = AvFixtures.Write(_mkv, input, _fx.PathFor("labeled-" + name), AvFixtures.Label);
            AvFixtures.Single(AvFixtures.Read(_mkv, output), AvFixtures.Label);
            Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
            AssertMkvinfoAccepts(output, AvFixtures.Label);
            Assert.Equal("", AvFixtures.DecodeErrors(output));
            Assert.Equal("", SeekErrors(output));
            Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        }
    }

    [Fact]
    public void In_place_reuses_the_space_of_the_previous_label_and_refuses_without_room()
    {
        var plain = _fx.Copy(MakeMkv("ip.mkv"), "ip-work.mkv");
        var before = File.ReadAllBytes(plain);
        Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_mkv, plain, AvFixtures.Label));
        Assert.Equal(before, File.ReadAllBytes(plain));

        var labeled = AvFixtures.Write(_mkv, plain, _fx.PathFor("ip-labeled.mkv"), AvFixtures.Label);
        var length = new FileInfo(labeled).Length;
        AvFixtures.WriteInPlace(_mkv, labeled, AvFixtures.OtherLabel); // shorter label: fits where the old one was
        Assert.Equal(length, new FileInfo(labeled).Length);
        AvFixtures.Single(AvFixtures.Read(_mkv, labeled), AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.OtherLabel.ToJson(), AvFixtures.ProbeTags(labeled)["AIGC"]);
        AssertMkvinfoAccepts(labeled, AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.FrameHashes(plain), AvFixtures.FrameHashes(labeled));
    }

    [Fact]
    public void Live_mkv_with_unknown_sizes_is_read_and_written()
    {
        // Piped output cannot seek back: ffmpeg leaves Segment and Cluster sizes unknown.
        var live = _fx.PathFor("live.mkv");
        var r = ExternalTool.Run("bash", ["-c", "ffmpeg -v error -f lavfi -i testsrc=d=1:s=64x48:r=10 -c:v libx264 -metadata AIGC='" +
            AvFixtures.OtherLabel.ToJson() + "' -f matroska - > '" + live + "'"]);
        Assert.Equal(0, r.ExitCode);
        AvFixtures.Single(AvFixtures.Read(_mkv, live), AvFixtures.OtherLabel);
        var output = AvFixtures.Write(_mkv, live, _fx.PathFor("live-out.mkv"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mkv, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        AssertMkvinfoAccepts(output, AvFixtures.Label);
        Assert.Equal(AvFixtures.FrameHashes(live), AvFixtures.FrameHashes(output));
    }

    [Fact]
    public void Damaged_mkv_is_inconclusive()
    {
        var bytes = File.ReadAllBytes(MakeMkv("dmg.mkv", "-metadata", "AIGC=" + AvFixtures.Label.ToJson()));
        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _mkv.Read(ms); }
        Assert.NotNull(ReadBytes(bytes[..300]).Damage);
        var random = new Random(13);
        for (var i = 0; i < 300; i++)
        {
            var m = (byte[])bytes.Clone();
            for (var k = 0; k < 4; k++) m[random.Next(Math.Min(m.Length, 900))] ^= (byte)(1 << random.Next(8));
            ReadBytes(m);
            ReadBytes(m[..random.Next(m.Length)]);
        }
    }
}
